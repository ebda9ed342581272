-- Memoranda with affiliated hospitals abroad (境外合作医院备忘录): a teaching hospital or unit of
-- ours and a hospital abroad agree on clinical exchange. The columns are the fields of its
-- description (src/shared/kinds/hospital-memorandum.ts), plus those every record kind has.
CREATE TABLE hospital_memoranda (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title        text NOT NULL,
  hospital_id  bigint NOT NULL REFERENCES institutions(id),
  -- Our hospital or unit: coordinators reach their unit's (and sub-units') memoranda only.
  unit_id      bigint NOT NULL REFERENCES units(id),
  scope        text NOT NULL CHECK (scope IN ('observership','rotation','training','research')),
  starts_on    date NOT NULL,
  expires_on   date,
  notes        text,
  -- Written by the steps: the office's signature, the end, a withdrawal.
  signed_on    date,
  ended_on     date,
  withdrawn_on date,
  status       text NOT NULL DEFAULT 'drafted' CHECK (status IN ('drafted','signed','ended','withdrawn')),
  search_text  text NOT NULL DEFAULT '',
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hospital_memoranda_unit ON hospital_memoranda(unit_id);
CREATE INDEX hospital_memoranda_hospital ON hospital_memoranda(hospital_id);
CREATE INDEX hospital_memoranda_expires ON hospital_memoranda(expires_on) WHERE expires_on IS NOT NULL;
CREATE INDEX hospital_memoranda_search ON hospital_memoranda USING gin (search_text gin_trgm_ops);

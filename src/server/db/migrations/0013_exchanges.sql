-- Outbound student exchange: "SJTUSM has also actively selected excellent students for
-- international exchanges, overseas study programs or the pursuit of degrees." An opportunity
-- is a partner's offer of places for one academic year (short-term training, a semester, a
-- joint graduate programme …); students apply, the office selects them by merit within the
-- places, nominates them to the partner, and they depart and return. A departed or returned
-- application is one outbound student person-time in the ledger, written by the exchanges
-- service in the same transaction.

CREATE TABLE exchange_opportunities (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title_en             text NOT NULL,
  title_zh             text,
  title_fr             text,
  kind                 text NOT NULL CHECK (kind IN ('short_term_training','semester_exchange','joint_graduate','degree_study','summer_school','clinical_elective')),
  host_institution_id  bigint NOT NULL REFERENCES institutions(id),
  agreement_id         bigint REFERENCES agreements(id),
  -- The quota: how many students the partner takes.
  places               integer NOT NULL CHECK (places >= 0),
  -- Named by the year it starts in: 2025 = 2025-09-01 … 2026-08-31.
  academic_year        integer NOT NULL CHECK (academic_year BETWEEN 1900 AND 2100),
  -- Our unit that runs the selection: coordinators reach their unit's opportunities and applications only.
  unit_id              bigint NOT NULL REFERENCES units(id),
  starts_on            date,
  ends_on              date,
  notes                text,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX exchange_opportunities_unit ON exchange_opportunities(unit_id);
CREATE INDEX exchange_opportunities_host ON exchange_opportunities(host_institution_id);
CREATE INDEX exchange_opportunities_year ON exchange_opportunities(academic_year);

CREATE TABLE exchange_applications (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  opportunity_id        bigint NOT NULL REFERENCES exchange_opportunities(id),
  person_id             bigint NOT NULL REFERENCES people(id),
  applied_on            date NOT NULL,
  -- GPA or ranking score on 0–100: the allocation ranks by it.
  score                 numeric(5,2) CHECK (score BETWEEN 0 AND 100),
  language_certificate  text,
  status                text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','shortlisted','selected','waitlisted','rejected','nominated','departed','returned','withdrawn')),
  decided_on            date,
  departure_date        date,
  return_date           date,
  notes                 text,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (opportunity_id, person_id),
  CHECK (return_date IS NULL OR departure_date IS NULL OR return_date >= departure_date),
  CHECK (status NOT IN ('departed','returned') OR departure_date IS NOT NULL)
);
CREATE INDEX exchange_applications_person ON exchange_applications(person_id);
CREATE INDEX exchange_applications_counted ON exchange_applications(departure_date) WHERE status IN ('departed','returned');

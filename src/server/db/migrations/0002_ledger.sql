-- The mobility ledger: one row per person-time (人次), or one aggregate row carrying a count.
-- Written only by the ledger module's replaceLedgerRows(), in the same transaction as the
-- record the rows come from (source_module, source_id).

CREATE TABLE ledger_aggregates (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  direction       text NOT NULL CHECK (direction IN ('inbound','outbound')),
  who             text NOT NULL CHECK (who IN ('staff','student','visitor','expert')),
  count           integer NOT NULL CHECK (count > 0),
  category        text NOT NULL,
  country_code    char(2) REFERENCES countries(code),
  institution_id  bigint REFERENCES institutions(id),
  unit_id         bigint REFERENCES units(id),
  start_date      date NOT NULL,
  end_date        date NOT NULL,
  source_document text NOT NULL,
  notes           text,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);

CREATE TABLE ledger (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  direction       text NOT NULL CHECK (direction IN ('inbound','outbound')),
  who             text NOT NULL CHECK (who IN ('staff','student','visitor','expert')),
  person_id       bigint REFERENCES people(id),
  count           integer NOT NULL CHECK (count > 0),
  is_aggregate    boolean NOT NULL DEFAULT false,
  category        text NOT NULL,
  country_code    char(2) REFERENCES countries(code),
  institution_id  bigint REFERENCES institutions(id),
  unit_id         bigint REFERENCES units(id),
  start_date      date NOT NULL,
  end_date        date NOT NULL,
  source_module   text NOT NULL,
  source_id       bigint NOT NULL,
  source_document text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  -- An aggregate row has no person; a record row counts exactly one person-time.
  CHECK ((is_aggregate AND person_id IS NULL) OR (NOT is_aggregate AND person_id IS NOT NULL AND count = 1))
);
CREATE INDEX ledger_source ON ledger(source_module, source_id);
CREATE INDEX ledger_start ON ledger(direction, start_date);
CREATE INDEX ledger_person ON ledger(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX ledger_unit ON ledger(unit_id);

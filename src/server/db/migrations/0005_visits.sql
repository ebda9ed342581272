-- Inbound visits (来访): a delegation or an individual received by one of our units, its
-- visitors, and its photos and signed minutes. Each visitor of a held or closed visit is one
-- inbound person-time in the ledger, written by the visits service in the same transaction.
-- "Report overdue" and "notable" are derived when read (the due period and the protocol
-- threshold come from the shared contract), never stored.

CREATE TABLE visits (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title_en            text NOT NULL,
  title_zh            text,
  -- Our unit that hosts the visit; coordinators reach their unit's visits only.
  host_unit_id        bigint NOT NULL REFERENCES units(id),
  -- Also the ledger category of the visitors' person-times.
  purpose             text NOT NULL CHECK (purpose IN ('academic_exchange','courtesy_visit','negotiation_signing','lecturing','inspection','other')),
  start_date          date NOT NULL,
  end_date            date NOT NULL,
  -- The most senior visitor's level.
  protocol_level      text NOT NULL DEFAULT 'other' CHECK (protocol_level IN ('head_of_state_or_government','minister','ambassador','university_president','other')),
  receiving_official  text,
  status              text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','approved','rejected','held','closed','cancelled')),
  requested_on        date NOT NULL,
  approved_on         date,
  rejected_on         date,
  held_on             date,
  closed_on           date,
  cancelled_on        date,
  -- The minutes, due within 30 days of the last day; submitted when the visit is closed.
  report              text,
  report_submitted_on date,
  notes               text,
  search_text         text NOT NULL DEFAULT '',
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  CHECK (status <> 'closed' OR (report IS NOT NULL AND report <> '' AND report_submitted_on IS NOT NULL))
);
CREATE INDEX visits_host_unit ON visits(host_unit_id);
CREATE INDEX visits_status_end ON visits(status, end_date);
CREATE INDEX visits_start ON visits(start_date);
CREATE INDEX visits_search ON visits USING gin (search_text gin_trgm_ops);

-- The visitors, in delegation order. A person is in a delegation once.
CREATE TABLE visit_members (
  visit_id           bigint NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  person_id          bigint NOT NULL REFERENCES people(id),
  role_in_delegation text,
  -- Where this visitor came from on this visit (the person may have moved since).
  institution_id     bigint REFERENCES institutions(id),
  country_code       char(2) NOT NULL REFERENCES countries(code),
  position           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (visit_id, person_id)
);
CREATE INDEX visit_members_person ON visit_members(person_id);
CREATE INDEX visit_members_institution ON visit_members(institution_id);
CREATE INDEX visit_members_country ON visit_members(country_code);

-- Photos and signed minutes, kept in the database so that a backup holds them with the visit.
CREATE TABLE visit_files (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id     bigint NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  file_name    text NOT NULL,
  media_type   text NOT NULL CHECK (media_type IN ('application/pdf','image/png','image/jpeg','image/tiff')),
  size_bytes   integer NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_files_visit ON visit_files(visit_id);

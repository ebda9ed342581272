-- Foreign experts and their appointments, the documents they need, conferences hosted with
-- their co-organizers and attendee lists, and the office's settings. "In force", "summary
-- overdue" and a conference's classification are derived (functions below, and the settings
-- row), never stored, so that any "as of" date can be answered.

-- The office's settings: one row per key, its value checked by the application per key.
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO settings (key, value) VALUES ('conference.majorForeignParticipants', '50');

CREATE TABLE appointments (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id      bigint NOT NULL REFERENCES people(id),
  title          text NOT NULL CHECK (title IN ('honorary_professor','consultant','visiting_professor','adjunct_professor','guest_lecturer')),
  -- The appointing unit; coordinators reach their unit's (and sub-units') appointments only.
  unit_id        bigint NOT NULL REFERENCES units(id),
  -- The expert's home institution.
  institution_id bigint REFERENCES institutions(id),
  start_date     date NOT NULL,
  end_date       date,
  status         text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','appointed','revoked')),
  revoked_on     date,
  notes          text,
  predecessor_id bigint UNIQUE REFERENCES appointments(id),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((status = 'revoked') = (revoked_on IS NOT NULL)),
  -- The target of expert_documents' (appointment, person) reference.
  UNIQUE (id, person_id)
);
CREATE INDEX appointments_person ON appointments(person_id);
CREATE INDEX appointments_unit ON appointments(unit_id);
CREATE INDEX appointments_institution ON appointments(institution_id) WHERE institution_id IS NOT NULL;
CREATE INDEX appointments_end ON appointments(end_date);

-- Whether an appointment was in force on `d`: made (or revoked only after `d`), its term
-- begun, not yet ended. The last day of a term is still a day in force; the day of a
-- revocation is not.
CREATE FUNCTION appointment_in_force(status text, start_date date, end_date date, revoked_on date, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT (status = 'appointed' OR (status = 'revoked' AND revoked_on > d))
     AND start_date <= d
     AND (end_date IS NULL OR end_date >= d)
$$;

-- The documents a foreign expert needs, with their expiry. The number is personal data,
-- AES-GCM ciphertext like passport numbers. A document of an appointment names the same
-- person (the composite reference); deleting a proposed appointment keeps its documents as
-- the person's own.
CREATE TABLE expert_documents (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id      bigint NOT NULL REFERENCES people(id),
  appointment_id bigint,
  kind           text NOT NULL CHECK (kind IN ('contract','work_permit','residence_permit','visa')),
  number_enc     text,
  issued_on      date,
  expires_on     date,
  notes          text,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (appointment_id, person_id) REFERENCES appointments(id, person_id) ON DELETE SET NULL (appointment_id),
  CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX expert_documents_person ON expert_documents(person_id);
CREATE INDEX expert_documents_appointment ON expert_documents(appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX expert_documents_expiry ON expert_documents(expires_on);

CREATE TABLE conferences (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title_en              text NOT NULL,
  title_zh              text NOT NULL,
  title_fr              text,
  start_date            date NOT NULL,
  end_date              date NOT NULL,
  venue                 text,
  -- Our host unit; coordinators reach their unit's (and sub-units') conferences only.
  host_unit_id          bigint NOT NULL REFERENCES units(id),
  participants          integer CHECK (participants >= 0),
  foreign_participants  integer CHECK (foreign_participants >= 0),
  countries_represented integer CHECK (countries_represented >= 0),
  status                text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','approved','rejected','held','closed','cancelled')),
  summary               text,
  summary_submitted_on  date,
  notes                 text,
  search_text           text NOT NULL DEFAULT '',
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  CHECK (participants IS NULL OR foreign_participants IS NULL OR foreign_participants <= participants),
  CHECK (status <> 'closed' OR (summary IS NOT NULL AND summary_submitted_on IS NOT NULL))
);
CREATE INDEX conferences_unit ON conferences(host_unit_id);
CREATE INDEX conferences_start ON conferences(start_date);
CREATE INDEX conferences_search ON conferences USING gin (search_text gin_trgm_ops);

-- The summary is due two months after the conference ends (month ends clamp: 31 Dec → 28/29 Feb).
CREATE FUNCTION conference_summary_due(end_date date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT (end_date + interval '2 months')::date
$$;

-- Whether the summary was overdue on `d`: the conference took place (approved, held, or
-- closed), its due date had passed, and no summary had been submitted by `d`.
CREATE FUNCTION conference_summary_overdue(status text, end_date date, submitted_on date, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('approved','held','closed')
     AND d > conference_summary_due(end_date)
     AND (submitted_on IS NULL OR submitted_on > d)
$$;

-- Co-organizers.
CREATE TABLE conference_partners (
  conference_id  bigint NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  institution_id bigint NOT NULL REFERENCES institutions(id),
  role           text,
  position       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (conference_id, institution_id)
);
CREATE INDEX conference_partners_institution ON conference_partners(institution_id);

-- The attendee list as given (names in their own script); linked to a person when we know them.
CREATE TABLE conference_attendees (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conference_id    bigint NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
  person_id        bigint REFERENCES people(id),
  full_name        text NOT NULL,
  institution_id   bigint REFERENCES institutions(id),
  institution_name text,
  country_code     char(2) REFERENCES countries(code),
  role             text NOT NULL DEFAULT 'participant' CHECK (role IN ('speaker','participant','organizer','other')),
  is_foreign       boolean NOT NULL,
  position         integer NOT NULL DEFAULT 0
);
CREATE INDEX conference_attendees_conference ON conference_attendees(conference_id, position);
CREATE INDEX conference_attendees_person ON conference_attendees(person_id) WHERE person_id IS NOT NULL;

-- Everything recorded with an institution (columns as in 0004): the ledger's rows, plus
-- conferences it co-organized (once approved) and the appointments of experts from it (once
-- made), which are activity without person-times.
CREATE OR REPLACE VIEW partner_activity AS
  SELECT institution_id, start_date AS activity_date, source_module, source_id, category AS label, count, unit_id
  FROM ledger
  WHERE institution_id IS NOT NULL
  UNION ALL
  SELECT cp.institution_id, c.start_date, 'conference', c.id, 'conference_coorganized', NULL::integer, c.host_unit_id
  FROM conference_partners cp JOIN conferences c ON c.id = cp.conference_id
  WHERE c.status IN ('approved','held','closed')
  UNION ALL
  SELECT a.institution_id, a.start_date, 'appointment', a.id, a.title, NULL::integer, a.unit_id
  FROM appointments a
  WHERE a.institution_id IS NOT NULL AND a.status IN ('appointed','revoked');

-- Joint programmes run with a foreign partner. The first is the 8-year Sino-French programme
-- of clinical medicine: cohorts admitted each year, some basic courses taught in French,
-- professors sent by the French side every year, examinations and evaluations, and a one-year
-- residency in a French hospital for the students who meet the standard. A confirmed or
-- completed placement is one outbound student person-time in the ledger (category
-- 'residency'), written by the programmes service in the same transaction.

CREATE TABLE programmes (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name_en         text NOT NULL,
  name_zh         text,
  name_fr         text,
  duration_years  integer NOT NULL CHECK (duration_years BETWEEN 1 AND 12),
  -- The language some courses are taught in, and the programme's first foreign language (ISO 639-1).
  language        text NOT NULL DEFAULT 'fr',
  -- Our unit that runs it: coordinators reach their unit's programmes only.
  unit_id         bigint NOT NULL REFERENCES units(id),
  started_year    integer CHECK (started_year BETWEEN 1900 AND 2100),
  notes           text,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programmes_unit ON programmes(unit_id);

-- The foreign partners, each with the agreement the programme runs under when there is one.
CREATE TABLE programme_partners (
  programme_id    bigint NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  position        integer NOT NULL,
  institution_id  bigint NOT NULL REFERENCES institutions(id),
  agreement_id    bigint REFERENCES agreements(id),
  PRIMARY KEY (programme_id, position),
  UNIQUE (programme_id, institution_id)
);
CREATE INDEX programme_partners_institution ON programme_partners(institution_id);

-- One year's intake: `intake` is the number admitted as announced; the students are the records.
CREATE TABLE programme_cohorts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id  bigint NOT NULL REFERENCES programmes(id),
  entry_year    integer NOT NULL CHECK (entry_year BETWEEN 1900 AND 2100),
  intake        integer NOT NULL CHECK (intake >= 0),
  notes         text,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, entry_year),
  -- So that a student's programme is always its cohort's (the composite key below).
  UNIQUE (id, programme_id)
);

CREATE TABLE programme_students (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id    bigint NOT NULL,
  cohort_id       bigint NOT NULL,
  person_id       bigint NOT NULL REFERENCES people(id),
  student_number  text NOT NULL,
  status          text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled','graduated','withdrawn','transferred_out')),
  notes           text,
  search_text     text NOT NULL DEFAULT '',
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (cohort_id, programme_id) REFERENCES programme_cohorts(id, programme_id),
  UNIQUE (programme_id, student_number),
  UNIQUE (programme_id, person_id)
);
CREATE INDEX programme_students_cohort ON programme_students(cohort_id);
CREATE INDEX programme_students_person ON programme_students(person_id);
CREATE INDEX programme_students_search ON programme_students USING gin (search_text gin_trgm_ops);

-- Examinations and evaluations: whether the student met the standard at each stage.
CREATE TABLE programme_assessments (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id      bigint NOT NULL REFERENCES programme_students(id) ON DELETE CASCADE,
  stage           text NOT NULL CHECK (stage IN ('french_language','basic_sciences','clinical','other')),
  assessed_on     date NOT NULL,
  result          text,
  meets_standard  boolean NOT NULL,
  evaluator_notes text,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_assessments_student ON programme_assessments(student_id, stage, assessed_on);

-- A year of residency in a French hospital: proposed → confirmed → completed, or withdrawn.
CREATE TABLE residency_placements (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  student_id           bigint NOT NULL REFERENCES programme_students(id),
  host_institution_id  bigint NOT NULL REFERENCES institutions(id),
  department           text,
  start_date           date NOT NULL,
  end_date             date NOT NULL,
  status               text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','confirmed','completed','withdrawn')),
  confirmed_on         date,
  completed_on         date,
  withdrawn_on         date,
  notes                text,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);
CREATE INDEX residency_placements_student ON residency_placements(student_id);
CREATE INDEX residency_placements_host ON residency_placements(host_institution_id);
CREATE INDEX residency_placements_counted ON residency_placements(start_date) WHERE status IN ('confirmed','completed');

-- The professors the partner sends each year: who, which year, what they taught, for how many weeks.
CREATE TABLE visiting_professors (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id  bigint NOT NULL REFERENCES programmes(id),
  person_id     bigint NOT NULL REFERENCES people(id),
  year          integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  courses       text,
  weeks         integer CHECK (weeks BETWEEN 0 AND 52),
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, person_id, year)
);
CREATE INDEX visiting_professors_programme ON visiting_professors(programme_id, year);

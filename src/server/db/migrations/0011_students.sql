-- International degree students: one row per enrolment of a foreign student in one of our
-- programmes (a student who took a bachelor's and then a master's here has two). The person
-- (people) carries the names in their own script and the nationality today; the enrolment keeps
-- the nationality it was counted under (country_code), so that a later change of the person's
-- nationality does not rewrite the figures of past years.
CREATE TABLE student_enrolments (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id              bigint NOT NULL REFERENCES people(id),
  level                  text NOT NULL CHECK (level IN ('bachelor','master','doctorate','non_degree')),
  programme_en           text NOT NULL,
  programme_zh           text,
  -- The school or department that teaches the student: coordinators reach their unit's (and sub-units') enrolments only.
  unit_id                bigint NOT NULL REFERENCES units(id),
  funding                text NOT NULL DEFAULT 'self_funded'
                         CHECK (funding IN ('csc_scholarship','shanghai_scholarship','university_scholarship','home_government','self_funded','other')),
  instruction_language   text NOT NULL DEFAULT 'zh' CHECK (instruction_language IN ('zh','en','fr')),
  student_number         text,
  -- The nationality at enrolment: the country (or region: HK, MO, TW) the figures count.
  country_code           char(2) NOT NULL REFERENCES countries(code),
  admitted_on            date NOT NULL,
  -- The day of registration (first enrolment); resuming after a suspension keeps it.
  enrolled_on            date,
  expected_completion_on date,
  status                 text NOT NULL DEFAULT 'admitted'
                         CHECK (status IN ('admitted','enrolled','suspended','graduated','withdrawn','transferred')),
  suspended_on           date,
  -- Graduation: the day and the degree awarded.
  completed_on           date,
  degree_awarded         text,
  -- The day the student withdrew or transferred: from then on not counted.
  left_on                date,
  notes                  text,
  search_text            text NOT NULL DEFAULT '',
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  -- Every status past admission was reached through registration, except a withdrawal before it.
  CHECK (status IN ('admitted','withdrawn') OR enrolled_on IS NOT NULL),
  CHECK (status <> 'graduated' OR completed_on IS NOT NULL),
  CHECK (status NOT IN ('withdrawn','transferred') OR left_on IS NOT NULL),
  CHECK (enrolled_on IS NULL OR enrolled_on >= admitted_on),
  CHECK (completed_on IS NULL OR (enrolled_on IS NOT NULL AND completed_on >= enrolled_on)),
  CHECK (left_on IS NULL OR left_on >= admitted_on)
);
CREATE INDEX student_enrolments_person ON student_enrolments(person_id);
CREATE INDEX student_enrolments_unit ON student_enrolments(unit_id);
CREATE INDEX student_enrolments_enrolled ON student_enrolments(enrolled_on) WHERE enrolled_on IS NOT NULL;
CREATE INDEX student_enrolments_search ON student_enrolments USING gin (search_text gin_trgm_ops);
-- A student number is issued once.
CREATE UNIQUE INDEX student_enrolments_number ON student_enrolments(student_number) WHERE student_number IS NOT NULL;

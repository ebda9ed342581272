-- Honours from abroad: an award, decoration, honorary degree, honorary title or foreign
-- academy membership received by one of our people. Many are known only by their year, so
-- the date is stored with its precision: a year-precision honour is stored on 1 January of
-- its year (and counts from that day in "as of" figures), a month-precision one on the 1st.
CREATE TABLE honours (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Our staff member who received it.
  person_id               bigint NOT NULL REFERENCES people(id),
  kind                    text NOT NULL CHECK (kind IN ('decoration','prize','honorary_degree','honorary_title','academy_membership')),
  -- The honour's name as the awarding body writes it (Légion d'honneur), and in each interface language.
  name_original           text,
  name_en                 text NOT NULL,
  name_zh                 text,
  name_fr                 text,
  -- The awarding body: an institution we know, and/or its name as text (a government, a foundation).
  awarding_institution_id bigint REFERENCES institutions(id),
  awarding_body           text,
  country_code            char(2) REFERENCES countries(code),
  conferred_on            date NOT NULL,
  date_precision          text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day','month','year')),
  citation                text,
  -- One of "the more important ones" the office names on its public page.
  notable                 boolean NOT NULL DEFAULT false,
  -- The person's unit when recorded: coordinators reach their unit's (and sub-units') honours only. NULL = the office's.
  unit_id                 bigint REFERENCES units(id),
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (date_precision = 'day' OR extract(day FROM conferred_on) = 1),
  CHECK (date_precision <> 'year' OR extract(month FROM conferred_on) = 1)
);
CREATE INDEX honours_person ON honours(person_id);
CREATE INDEX honours_unit ON honours(unit_id);
CREATE INDEX honours_conferred ON honours(conferred_on);
CREATE INDEX honours_institution ON honours(awarding_institution_id) WHERE awarding_institution_id IS NOT NULL;
-- The same honour recorded twice for the same person is a mistake, not a second honour.
CREATE UNIQUE INDEX honours_once ON honours(person_id, kind, lower(name_en), coalesce(awarding_institution_id, 0), coalesce(lower(awarding_body), ''), conferred_on);

-- A national statistics table (issue 11, "A national statistics table: Taiwan's Ministry of
-- Education"): the ministry's open data on international degree students, one row per
-- school × department × level × country (or region), kept as published beside the office's
-- own figures so that an office sees its share of its country's students.
--
-- One file of one source and academic year (the year's foreign students, or its overseas-Chinese
-- and Hong Kong/Macao students), with its provenance. Importing the same kind of file for the
-- same year again replaces this row and, through the cascade, its rows: one transaction, audited.
CREATE TABLE national_statistics_files (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source         text NOT NULL CHECK (source IN ('moe-tw')),
  -- The source's own year: the ROC academic year for 'moe-tw' ('112' is 2023/24).
  academic_year  text NOT NULL CHECK (academic_year ~ '^[0-9]{1,4}$'),
  -- 'regular' (foreign students) or 'over_higher' (overseas-Chinese, Hong Kong and Macao students).
  file_kind      text NOT NULL CHECK (file_kind IN ('regular', 'over_higher')),
  file_name      text NOT NULL,
  file_sha256    text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  encoding       text NOT NULL,
  data_rows      integer NOT NULL CHECK (data_rows >= 0),
  imported_by    bigint REFERENCES users(id) ON DELETE SET NULL,
  imported_by_label text NOT NULL,
  imported_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, academic_year, file_kind)
);

-- One published row. The ministry's country code is not ISO: `country_code` is the ISO code
-- its name was matched to (null when the countries list does not know the name; the name is kept).
CREATE TABLE national_statistics_rows (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id          bigint NOT NULL REFERENCES national_statistics_files(id) ON DELETE CASCADE,
  -- Kept apart as the ministry keeps them; Hong Kong and Macao are regions, never countries.
  category         text NOT NULL CHECK (category IN ('foreign', 'overseas_chinese', 'hong_kong', 'macao')),
  -- The ministry's level code: B bachelor (4 years), C bachelor (2 years), M master, D doctor,
  -- 2 and 5 junior college, Z preparatory programme; another year's new code is kept as written.
  level_code       text NOT NULL,
  level_name       text,
  country_code     text REFERENCES countries(code),
  moe_country_code text NOT NULL,
  moe_country_name text NOT NULL,
  school_code      text NOT NULL,
  school_name      text NOT NULL,
  department_code  text NOT NULL,
  department_name  text NOT NULL,
  students         integer NOT NULL CHECK (students >= 0),
  male             integer NOT NULL CHECK (male >= 0),
  female           integer NOT NULL CHECK (female >= 0),
  graduates        integer NOT NULL DEFAULT 0 CHECK (graduates >= 0)
);
CREATE INDEX national_statistics_rows_file ON national_statistics_rows (file_id, category, country_code, level_code);

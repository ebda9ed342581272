-- A unit's full official name, as a letter writes it: "上海交通大学医学院附属瑞金医院" where the
-- short name is "瑞金医院". NULL: the letter says the short name.
ALTER TABLE units
  ADD COLUMN official_name_en text,
  ADD COLUMN official_name_zh text,
  ADD COLUMN official_name_fr text;

-- The office's own .docx templates, one per kind of document and language; without one the
-- built-in default is used. The placeholders the template uses are kept as checked on upload.
CREATE TABLE document_templates (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('invitation_letter','visa_support_letter','acceptance_letter','nomination_letter','attendance_certificate','appointment_letter')),
  lang         text NOT NULL CHECK (lang IN ('en','zh','fr')),
  file_name    text NOT NULL,
  size_bytes   integer NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL,
  placeholders text[] NOT NULL DEFAULT '{}',
  content      bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, lang)
);

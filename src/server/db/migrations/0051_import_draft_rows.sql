-- An import draft's preview kept row by row (issue 11): every row of the file as classified at the
-- upload (new, update, possible duplicate, error) with its values, matches and problems, so that
-- the web pages through them by class instead of receiving the whole file in one answer, and a
-- draft's decisions are checked against them without reading the file again. Written in batches
-- as the file is read; replaced when the file is read again with other options; deleted with the
-- draft, when it is committed or discarded, and when it expires.
CREATE TABLE import_draft_rows (
  draft_id    bigint NOT NULL REFERENCES import_drafts(id) ON DELETE CASCADE,
  row_number  integer NOT NULL,
  class       text NOT NULL CHECK (class IN ('new', 'update', 'duplicate', 'error')),
  -- The preview's row: { values, defaulted, matches, problems (with their message), group? }. json, not
  -- jsonb: written once and read back whole a page at a time, it is only validated, never decomposed.
  data        json NOT NULL,
  PRIMARY KEY (draft_id, row_number)
);
-- One class's rows in file order (the preview's filter).
CREATE INDEX import_draft_rows_class ON import_draft_rows(draft_id, class, row_number);

-- What the file was read as at the last preview (format, encoding, day order, columns), so that a
-- draft's preview is shown again from its staged rows without reading the file.
ALTER TABLE import_drafts ADD COLUMN summary jsonb;

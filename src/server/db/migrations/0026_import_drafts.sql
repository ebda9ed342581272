-- An import kept in the database between its upload and its commit (issue 12: "import progress
-- lives in the database"): any server process reads it, commits it as a background job, and
-- reports its progress. A draft is its uploader's (and the administrator's); a coordinator's
-- draft carries their unit.
CREATE TABLE import_drafts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL,
  created_by    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id       bigint REFERENCES units(id),
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  -- The uploaded file, bounded by the upload limit; dropped once the draft is committed or discarded.
  content       bytea,
  -- The encoding detected in a CSV (null: an xlsx), and the one the user chose instead.
  encoding      text,
  encoding_override text,
  -- The column mapping: a saved mapping's name, or one given whole ({ "<header>": "<field>" }).
  mapping_name  text,
  mapping       jsonb,
  -- 'true' / 'false' / null: day-first, month-first, or the file's dates decide.
  day_first     text CHECK (day_first IN ('true', 'false')),
  on_duplicate  text NOT NULL DEFAULT 'skip' CHECK (on_duplicate IN ('skip', 'update', 'fail')),
  -- Per row number: "create" | "skip" | the id of the record to update.
  decisions     jsonb NOT NULL DEFAULT '{}',
  -- Rows per class at the last preview: { "new": n, "update": n, "duplicate": n, "error": n }.
  counts        jsonb NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'previewed' CHECK (status IN ('previewed', 'committing', 'committed', 'failed', 'discarded')),
  rows_done     integer NOT NULL DEFAULT 0,
  rows_total    integer NOT NULL DEFAULT 0,
  -- Why the commit failed, as a coded error (its code and fields), put in words in the reader's language.
  error         jsonb,
  import_id     bigint REFERENCES imports(id) ON DELETE SET NULL,
  -- What the commit wrote: { "created": n, "updated": n, "unchanged": n, "skipped": n }.
  outcome       jsonb,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
-- A user's drafts waiting for a decision (the to-do list), and the committing ones (/metrics).
CREATE INDEX import_drafts_owner ON import_drafts(created_by, status);
CREATE INDEX import_drafts_status ON import_drafts(status, created_at);

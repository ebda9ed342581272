-- Imports (issue 11): the column mappings an office saves to reuse by name, and each import
-- committed (which file, by whom, what it created and changed), so its audit rows name it.
CREATE TABLE import_mappings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The kind of record it maps into: institutions, people …
  kind        text NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- { "<header as the file writes it>": "<field>" }
  columns     jsonb NOT NULL,
  created_by  bigint REFERENCES users(id) ON DELETE SET NULL,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, name)
);

CREATE TABLE imports (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL,
  file_name   text NOT NULL,
  -- The file's sha256: the same file imported again is recognised.
  file_sha256 text NOT NULL,
  actor_id    bigint REFERENCES users(id) ON DELETE SET NULL,
  unit_id     bigint REFERENCES units(id),
  -- { "created": [ids], "updated": [ids], "skipped": n }
  outcome     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imports_kind ON imports(kind, created_at);

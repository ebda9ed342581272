-- Files prepared in the background (issue 12): a list's CSV or Excel file, a report's PDF, asked
-- for by a user and made by an `export-file` job instead of inside the HTTP request. What was
-- asked is kept as it came (the exportable thing's name, the format, the list's filters) with
-- the language it is written in; the job rebuilds the user's reach from `users` when it runs.
CREATE TABLE prepared_files (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  what          text NOT NULL,
  format        text NOT NULL,
  query         jsonb NOT NULL DEFAULT '{}',
  locale        text NOT NULL CHECK (locale IN ('en','zh','fr')),
  -- waiting: queued; running: a job is making it; done: its bytes are here; failed: `error` says why.
  status        text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','running','done','failed')),
  content       bytea CHECK (content IS NULL OR octet_length(content) <= 52428800),
  content_type  text,
  file_name     text,
  size_bytes    integer,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  expires_at    timestamptz NOT NULL DEFAULT now() + interval '7 days'
);
CREATE INDEX prepared_files_user ON prepared_files(user_id, id DESC);
CREATE INDEX prepared_files_expiry ON prepared_files(expires_at);

-- The records an import wrote (issue 11), kept in a table of their own instead of a list in
-- imports.outcome (and again in the import's audit row): a commit of a million rows held every
-- record's id, entity and version in memory and wrote that list twice as JSON. A row here is one
-- record, or a run of consecutive ids the import created together (a ledger file's 10,000 entries
-- of one statement: one row, not 10,000), each at the version the import left it at. The undo and
-- the import's page read them from here; an import committed before this migration keeps its list
-- in its outcome, read as before.
CREATE TABLE import_records (
  import_id  bigint NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  -- The order they were written in: the undo takes them back newest first (a visit before its new visitors).
  position   integer NOT NULL,
  entity     text NOT NULL,
  first_id   bigint NOT NULL,
  last_id    bigint NOT NULL,
  action     text NOT NULL CHECK (action IN ('created', 'updated')),
  -- Every record of the run at this version when the import ended (what an undo compares with).
  version    integer NOT NULL,
  -- An updated record's values before the import (what an undo writes back); a run is of created records only.
  before     jsonb,
  PRIMARY KEY (import_id, position),
  CHECK (last_id >= first_id),
  CHECK (action = 'created' OR first_id = last_id)
);

-- Imports' audit (issue 11): every audit row written inside an import's commit names the import,
-- so a record's history can say "imported from visitors.csv (import 12)". The commit inserts its
-- `imports` row first and sets `interchange.import_id` for its own transaction (set_config, local):
-- the column's default reads it, so each writer of audit rows (one row, many rows, or rows built
-- in SQL by a set-based create) names the import without being told. Outside an import the
-- setting is unset and the column null. No index: imports are never deleted, and no query looks
-- an import's rows up by this column (its records are listed in its outcome).
ALTER TABLE audit_log
  ADD COLUMN import_id bigint REFERENCES imports(id) ON DELETE SET NULL
  DEFAULT NULLIF(current_setting('interchange.import_id', true), '')::bigint;

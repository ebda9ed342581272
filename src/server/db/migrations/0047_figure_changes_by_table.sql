-- The figures' change counter by table (issue 17, "Capacity": a write recomputes only what it can
-- change, kept exact). Migration 0034 counted every statement on the 25 tables the figures read in
-- one counter, so any write made every reader's next read compute the whole set again. Each table
-- now has its own counter (still split in 16 slots by the writer's backend pid, read as their sum):
-- a group of figures is kept under the counters of the tables it reads (figure-groups.ts) and is
-- computed again only when one of those has risen.
--
-- A new `people` row is not counted: every figure reaches people through another table's
-- reference (an appointment, an enrolment, a visit's member…), and a row inserted now is
-- referenced by nothing until a later statement writes that reference, which that table's
-- counter counts. An update, a delete or a truncate of people is counted as before (a nationality
-- or a name changes figures). figure-tables.test.ts inserts a copy of every person and checks
-- that no figure moves: it fails once a figure counts people directly.
ALTER TABLE figure_changes DROP CONSTRAINT figure_changes_pkey;
ALTER TABLE figure_changes ADD COLUMN table_name text;
DELETE FROM figure_changes;
ALTER TABLE figure_changes ALTER COLUMN table_name SET NOT NULL;
ALTER TABLE figure_changes ADD PRIMARY KEY (table_name, slot);

-- An upsert, so that a table a later migration gives the trigger is counted without its rows.
CREATE OR REPLACE FUNCTION figure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figure_changes AS f (table_name, slot, changes) VALUES (TG_TABLE_NAME, pg_backend_pid() % 16, 1)
  ON CONFLICT (table_name, slot) DO UPDATE SET changes = f.changes + 1;
  RETURN NULL;
END;
$$;

-- Every table that has the trigger gets its 16 slots (an earlier value is not needed: the
-- servers' kept sets are in memory, and a restarted server computes its sets again).
INSERT INTO figure_changes (table_name, slot, changes)
SELECT c.relname, s, 0
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid, generate_series(0, 15) AS s
 WHERE p.proname = 'figure_changed' AND NOT t.tgisinternal
 GROUP BY c.relname, s;

DROP TRIGGER people_figure_changed ON people;
CREATE TRIGGER people_figure_changed AFTER UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION figure_changed();

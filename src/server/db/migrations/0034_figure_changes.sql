-- The figure set's change counter (issue 17, "Capacity": the figure set ≤ 3 ms of CPU when nothing
-- it counts has changed since the last read, kept exact). Every statement that writes a table the
-- figures read adds one to a counter, in the writer's own transaction: the counter's new value is
-- seen exactly when the write is, by every server process on the database. A server keeps the
-- figures it computed under the counter's value it read before computing them, so a read that
-- finds the same value finds nothing changed since.
--
-- The counter is split in 16 slots, each writer adding to the slot of its connection (its backend
-- pid modulo 16), and read as the slots' sum: every committed write raises the sum, and two
-- writers on different connections seldom wait for each other's commit on one row.
-- figure-changes.test.ts checks that every table the figure set reads has the trigger.
CREATE TABLE figure_changes (
  slot smallint PRIMARY KEY CHECK (slot >= 0 AND slot < 16),
  changes bigint NOT NULL DEFAULT 0
);
INSERT INTO figure_changes (slot) SELECT generate_series(0, 15);

CREATE FUNCTION figure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figure_changes SET changes = changes + 1 WHERE slot = pg_backend_pid() % 16;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'agreement_partners', 'agreements', 'appointments', 'conference_attendees', 'conference_partners', 'conferences',
    'countries', 'exchange_applications', 'exchange_opportunities', 'honours', 'institutions', 'ledger', 'ledger_rollup',
    'people', 'programme_cohorts', 'programme_students', 'programmes', 'residency_placements', 'settings',
    'student_enrolments', 'units', 'visit_files', 'visit_members', 'visiting_professors', 'visits'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()', t || '_figure_changed', t);
  END LOOP;
END;
$$;

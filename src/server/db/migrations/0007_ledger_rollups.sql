-- Ledger rollups: person-times and row counts per cell of
-- direction × year × who × category × country/region × unit × aggregate-or-not,
-- kept current by ledger.write.ts (the ledger's only writer) in the same transaction as
-- every ledger write, so the figures cost the number of cells, not the number of rows.
-- A row counts in the year its start date falls in (an aggregate row for 1954–1965 counts
-- in 1954). `interchange report verify` recounts every cell from the ledger.
CREATE TABLE ledger_rollup (
  direction     text NOT NULL,
  year          integer NOT NULL,
  who           text NOT NULL,
  category      text NOT NULL,
  country_code  char(2),
  unit_id       bigint,
  is_aggregate  boolean NOT NULL,
  person_times  bigint NOT NULL,
  rows          bigint NOT NULL,
  CONSTRAINT ledger_rollup_cell UNIQUE NULLS NOT DISTINCT (direction, year, who, category, country_code, unit_id, is_aggregate)
);
-- A cell emptied by an edit is deleted at once, so the table holds exactly the recount's cells.
CREATE INDEX ledger_rollup_empty ON ledger_rollup(direction) WHERE rows = 0;

INSERT INTO ledger_rollup (direction, year, who, category, country_code, unit_id, is_aggregate, person_times, rows)
SELECT direction, extract(year FROM start_date)::int, who, category, country_code, unit_id, is_aggregate, sum(count), count(*)
FROM ledger
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Drill-down pages (one direction, newest first) walk this index and stop after a page;
-- it also serves every (direction, start_date) range the old ledger_start index served.
CREATE INDEX ledger_direction_start_id ON ledger(direction, start_date DESC, id);
DROP INDEX ledger_start;
-- Distinct persons cannot be summed from cells: they are counted on the ledger, over the
-- individual rows only (aggregate rows name nobody), from this narrow index.
CREATE INDEX ledger_persons ON ledger(direction, start_date) INCLUDE (person_id, country_code, unit_id) WHERE person_id IS NOT NULL;

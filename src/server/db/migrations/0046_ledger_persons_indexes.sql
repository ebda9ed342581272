-- Issue 17, capacity: the ledger's totals count distinct persons on its individual rows, and
-- ledger_persons (direction, start_date) serves that only when a direction is chosen. A country
-- over a period (the ledger page's country filter, as beside Directus) read its rows from the
-- heap through a BitmapAnd of two indexes (1.8 ms at 1.3 M rows), and a filter on who, category
-- or unit alone read every individual row from the heap (73 ms). These two, on the individual
-- rows only, answer both from the index: the country's period is one range (0.15 ms), and any
-- other filter one index-only pass over the period's individual rows (who alone, all time: 18 ms).
CREATE INDEX ledger_persons_country ON ledger(country_code, start_date) INCLUDE (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX ledger_persons_start ON ledger(start_date) INCLUDE (person_id, direction, who, category, country_code, unit_id) WHERE person_id IS NOT NULL;
-- The same filter's person-times and row count read every rollup cell (1,639 at 1.3 M rows,
-- 0.3 ms, and cells grow with countries × years × units); by country, its years are one range.
CREATE INDEX ledger_rollup_country_year ON ledger_rollup(country_code, year) INCLUDE (is_aggregate, person_times, rows);

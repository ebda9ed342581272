-- Issue 17, capacity: the ledger listed or totalled for one country or region over a period
-- (the ledger page's country filter, a country's figures) read the whole period's rows through
-- (start_date, id) and dropped the other countries' one by one: 108 ms for a page of 50 at
-- 1.3 M rows. With the country first, the page is one index range (0.1 ms) and its count an
-- index-only scan.
CREATE INDEX ledger_country_start_id ON ledger(country_code, start_date, id);

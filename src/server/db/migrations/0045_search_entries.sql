-- The header's search in one index (issue 17, "Capacity": the search in one query, ≤ 3 ms of CPU).
-- search_entries holds one row for each record the header's search finds (institutions, people,
-- agreements, visits, conferences, appointments, units): what the search shows of it (label,
-- detail), the unit a coordinator's scope tests, its place in its kind's order and the text it is
-- found by (the record's search_text; an appointment's is its expert's). It is derived, never
-- written by the application: the view search_entry_sources says what it holds (and fills it
-- here), and row triggers on the tables it is made from keep it so in the writing transaction
-- (search-entries.test.ts compares table and view after every kind of write).
--
-- The text is kept as lower(search_text) and matched with LIKE lower('%word%'): what ILIKE does
-- (it lowers both sides, then compares), without lowering every row's text at every search (the
-- cost of the search before). A trigram index serves the
-- words of three characters or more; pg_trgm makes no trigram of a one- or two-character word
-- (医学, 王) and none of Han characters in a database whose locale is C (the embedded engine), so
-- `grams` holds every character and every pair of neighbouring characters of each run of
-- non-ASCII characters in the text, and a word of non-ASCII characters is first looked up there
-- (its pairs, or the character itself) and then tested with LIKE. Every pair of such a word,
-- lowered, is a pair of the lowered text it is in, so the lookup finds a superset of what LIKE keeps.

-- Characters and neighbouring pairs of each run of non-ASCII characters of lower(t); with `singles` false, the pairs only.
CREATE FUNCTION search_grams(t text, singles boolean) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}')
    FROM regexp_matches(lower(t), '[^\x01-\x7f]+', 'g') AS run,
         LATERAL generate_series(1, char_length(run[1])) AS i,
         LATERAL (VALUES (CASE WHEN i < char_length(run[1]) THEN substr(run[1], i, 2) END), (CASE WHEN singles THEN substr(run[1], i, 1) END)) AS gram(g)
   WHERE g IS NOT NULL
$$;

-- The grams a word must find in an entry: its pairs, or a word of one character itself.
CREATE FUNCTION search_word_grams(word text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT search_grams(word, char_length(word) < 2)
$$;

-- Each kind's order (the search's, before this index): a number, then a text, then the id.
-- Dates are days before 2000-01-01 so that the latest comes first; an agreement never signed last.
CREATE VIEW search_entry_sources AS
  SELECT 'institution'::text AS kind, id AS record_id, NULL::bigint AS unit_id, name_en AS label, coalesce(name_zh, country_code)::text AS detail,
         lower(search_text) AS folded, length(name_en)::bigint AS sort_number, ''::text AS sort_text
    FROM institutions
  UNION ALL
  SELECT 'person', id, unit_id, trim(family_name || ' ' || coalesce(given_name, '')), coalesce(name_zh, title), lower(search_text), 0, family_name
    FROM people
  UNION ALL
  SELECT 'agreement', id, unit_id, title_en, title_zh, lower(search_text), coalesce(date '2000-01-01' - signed_on, 2147483647), ''
    FROM agreements
  UNION ALL
  SELECT 'visit', id, host_unit_id, title_en, coalesce(title_zh, start_date::text), lower(search_text), date '2000-01-01' - start_date, ''
    FROM visits
  UNION ALL
  SELECT 'conference', id, host_unit_id, title_en, title_zh, lower(search_text), date '2000-01-01' - start_date, ''
    FROM conferences
  UNION ALL
  SELECT 'appointment', a.id, a.unit_id, trim(p.family_name || ' ' || coalesce(p.given_name, '')), a.title, lower(p.search_text), date '2000-01-01' - a.start_date, ''
    FROM appointments a JOIN people p ON p.id = a.person_id
  UNION ALL
  SELECT 'unit', id, NULL, name_en, name_zh, lower(search_text), 0, code
    FROM units;

CREATE TABLE search_entries (
  kind text NOT NULL,
  record_id bigint NOT NULL,
  unit_id bigint,
  label text NOT NULL,
  detail text,
  folded text NOT NULL,
  grams text[] NOT NULL,
  sort_number bigint NOT NULL,
  sort_text text NOT NULL,
  PRIMARY KEY (kind, record_id)
);

INSERT INTO search_entries (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT kind, record_id, unit_id, label, detail, folded, search_grams(folded, true), sort_number, sort_text FROM search_entry_sources;

CREATE INDEX search_entries_folded ON search_entries USING gin (folded gin_trgm_ops);
CREATE INDEX search_entries_grams ON search_entries USING gin (grams);
-- Its statistics now: until autovacuum came by, the planner would read the whole table each search.
ANALYZE search_entries;

-- Writes one record's entry when it differs from what is there (an unchanged entry is not written
-- again, nor its index keys, nor locked). Static SQL: PL/pgSQL plans it once for the session.
CREATE FUNCTION search_entries_put(_kind text, _id bigint, _unit bigint, _label text, _detail text, _folded text, _sort_number bigint, _sort_text text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  _folded := lower(_folded);
  UPDATE search_entries
     SET unit_id = _unit, label = _label, detail = _detail, folded = _folded, sort_number = _sort_number, sort_text = _sort_text,
         grams = CASE WHEN folded IS DISTINCT FROM _folded THEN search_grams(_folded, true) ELSE grams END
   WHERE kind = _kind AND record_id = _id
     AND (unit_id, label, detail, folded, sort_number, sort_text) IS DISTINCT FROM (_unit, _label, _detail, _folded, _sort_number, _sort_text);
  IF NOT FOUND THEN
    INSERT INTO search_entries (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
    VALUES (_kind, _id, _unit, _label, _detail, _folded, search_grams(_folded, true), _sort_number, _sort_text)
    ON CONFLICT (kind, record_id) DO NOTHING;
  END IF;
END;
$$;

-- A deleted record's entry goes (TG_ARGV[0]: its kind).
CREATE FUNCTION search_entries_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_entries WHERE kind = TG_ARGV[0] AND record_id = OLD.id;
  RETURN NULL;
END;
$$;

-- A table emptied at once (a restore does): its kind's entries go too.
CREATE FUNCTION search_entries_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_entries WHERE kind = TG_ARGV[0];
  RETURN NULL;
END;
$$;

-- Each table's written row made into its entry, as search_entry_sources makes it (from the row
-- itself, not by reading the view, which PostgreSQL would plan again at every row).
CREATE FUNCTION search_entries_of_institution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_put('institution', NEW.id, NULL, NEW.name_en, coalesce(NEW.name_zh, NEW.country_code)::text, NEW.search_text, length(NEW.name_en), '');
  RETURN NULL;
END;
$$;

-- A person's appointments show the person's name and are found by their text: a change of either
-- rewrites them too.
CREATE FUNCTION search_entries_of_person() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  name text := trim(NEW.family_name || ' ' || coalesce(NEW.given_name, ''));
BEGIN
  PERFORM search_entries_put('person', NEW.id, NEW.unit_id, name, coalesce(NEW.name_zh, NEW.title), NEW.search_text, 0, NEW.family_name);
  IF TG_OP = 'UPDATE' AND (OLD.family_name, OLD.given_name, OLD.search_text) IS DISTINCT FROM (NEW.family_name, NEW.given_name, NEW.search_text) THEN
    UPDATE search_entries SET label = name, folded = lower(NEW.search_text), grams = search_grams(NEW.search_text, true)
     WHERE kind = 'appointment' AND record_id IN (SELECT id FROM appointments WHERE person_id = NEW.id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_agreement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_put('agreement', NEW.id, NEW.unit_id, NEW.title_en, NEW.title_zh, NEW.search_text, coalesce(date '2000-01-01' - NEW.signed_on, 2147483647), '');
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_put('visit', NEW.id, NEW.host_unit_id, NEW.title_en, coalesce(NEW.title_zh, NEW.start_date::text), NEW.search_text, date '2000-01-01' - NEW.start_date, '');
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_conference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_put('conference', NEW.id, NEW.host_unit_id, NEW.title_en, NEW.title_zh, NEW.search_text, date '2000-01-01' - NEW.start_date, '');
  RETURN NULL;
END;
$$;

-- An appointment reads its person under a share lock: written while a transaction changes that
-- person, it waits for it to end and reads the person as changed; a change of the person made
-- while this transaction is open waits for it, then finds this appointment among theirs.
-- Without it, the two at once would each miss the other's write and leave the appointment's
-- entry with the person's former name.
CREATE FUNCTION search_entries_of_appointment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p record;
BEGIN
  SELECT family_name, given_name, search_text INTO p FROM people WHERE id = NEW.person_id FOR SHARE;
  PERFORM search_entries_put('appointment', NEW.id, NEW.unit_id, trim(p.family_name || ' ' || coalesce(p.given_name, '')), NEW.title, p.search_text, date '2000-01-01' - NEW.start_date, '');
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_put('unit', NEW.id, NULL, NEW.name_en, NEW.name_zh, NEW.search_text, 0, NEW.code);
  RETURN NULL;
END;
$$;

-- The triggers: on insert, on an update of a column the entry is made from (the WHEN clause is
-- tested without calling the function: an update of anything else costs nothing), on delete and
-- on truncate. Each table's columns are those its function above reads.
DO $$
DECLARE
  k text[];
BEGIN
  FOREACH k SLICE 1 IN ARRAY ARRAY[
    ['institutions', 'institution', 'name_en, name_zh, country_code, search_text'],
    ['people', 'person', 'unit_id, family_name, given_name, name_zh, title, search_text'],
    ['agreements', 'agreement', 'unit_id, title_en, title_zh, signed_on, search_text'],
    ['visits', 'visit', 'host_unit_id, title_en, title_zh, start_date, search_text'],
    ['conferences', 'conference', 'host_unit_id, title_en, title_zh, start_date, search_text'],
    ['appointments', 'appointment', 'person_id, unit_id, title, start_date'],
    ['units', 'unit', 'name_en, name_zh, code, search_text']
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I FOR EACH ROW EXECUTE FUNCTION %I()', k[1] || '_search_entries_insert', k[1], 'search_entries_of_' || k[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I FOR EACH ROW WHEN ((%s) IS DISTINCT FROM (%s)) EXECUTE FUNCTION %I()', k[1] || '_search_entries_update', k[1],
      regexp_replace('OLD.' || k[3], ', ', ', OLD.', 'g'), regexp_replace('NEW.' || k[3], ', ', ', NEW.', 'g'), 'search_entries_of_' || k[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I FOR EACH ROW EXECUTE FUNCTION search_entries_forget(%L)', k[1] || '_search_entries_delete', k[1], k[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION search_entries_truncated(%L)', k[1] || '_search_entries_truncate', k[1], k[2]);
  END LOOP;
END;
$$;

-- The header search's entries of inserted records written once per statement (issue 11, import
-- speed). Migration 0045 wrote each inserted row's entry from a row trigger through
-- search_entries_put, one PL/pgSQL call a row; an import inserts thousands of people or visits
-- in one statement, and there each row paid for a call and an UPDATE looked up by key. Worse, a
-- session whose first calls found search_entries small (a new database: an office's first
-- import) kept the plan it cached then, a sequential scan, for as long as it lived: every
-- inserted row then read the whole table, growing with every row before it (a 20,000-row
-- visitors file spent most of its commit there: 2,000 people 30 s and more).
--
-- An insert now writes its rows' entries in one INSERT … SELECT from the statement's new rows
-- (a transition table), each as search_entry_sources makes it (the same expressions as 0045's
-- row functions); an entry already there (none should be: a record's id is new) is updated only
-- when it differs, as search_entries_put does. An appointment keeps its row trigger (it reads its
-- person under a share lock, see 0045). Updates keep their row triggers (the WHEN clause spares
-- an update of other columns), and search_entries_put plans its statements for the table as it is
-- at each call, never with a plan cached while the table was small.

CREATE FUNCTION search_entries_of_new_institutions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT s.kind, s.record_id, s.unit_id, s.label, s.detail, s.folded, search_grams(s.folded, true), s.sort_number, s.sort_text
    FROM (SELECT 'institution'::text AS kind, n.id AS record_id, NULL::bigint AS unit_id, n.name_en AS label, coalesce(n.name_zh, n.country_code)::text AS detail,
                 lower(n.search_text) AS folded, length(n.name_en)::bigint AS sort_number, ''::text AS sort_text
            FROM new_rows n) s
  ON CONFLICT (kind, record_id) DO UPDATE
     SET unit_id = EXCLUDED.unit_id, label = EXCLUDED.label, detail = EXCLUDED.detail, folded = EXCLUDED.folded, grams = EXCLUDED.grams, sort_number = EXCLUDED.sort_number, sort_text = EXCLUDED.sort_text
   WHERE (e.unit_id, e.label, e.detail, e.folded, e.sort_number, e.sort_text) IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.label, EXCLUDED.detail, EXCLUDED.folded, EXCLUDED.sort_number, EXCLUDED.sort_text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_new_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT s.kind, s.record_id, s.unit_id, s.label, s.detail, s.folded, search_grams(s.folded, true), s.sort_number, s.sort_text
    FROM (SELECT 'person'::text AS kind, n.id AS record_id, n.unit_id, trim(n.family_name || ' ' || coalesce(n.given_name, '')) AS label, coalesce(n.name_zh, n.title) AS detail,
                 lower(n.search_text) AS folded, 0::bigint AS sort_number, n.family_name AS sort_text
            FROM new_rows n) s
  ON CONFLICT (kind, record_id) DO UPDATE
     SET unit_id = EXCLUDED.unit_id, label = EXCLUDED.label, detail = EXCLUDED.detail, folded = EXCLUDED.folded, grams = EXCLUDED.grams, sort_number = EXCLUDED.sort_number, sort_text = EXCLUDED.sort_text
   WHERE (e.unit_id, e.label, e.detail, e.folded, e.sort_number, e.sort_text) IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.label, EXCLUDED.detail, EXCLUDED.folded, EXCLUDED.sort_number, EXCLUDED.sort_text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_new_agreements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT s.kind, s.record_id, s.unit_id, s.label, s.detail, s.folded, search_grams(s.folded, true), s.sort_number, s.sort_text
    FROM (SELECT 'agreement'::text AS kind, n.id AS record_id, n.unit_id, n.title_en AS label, n.title_zh AS detail,
                 lower(n.search_text) AS folded, coalesce(date '2000-01-01' - n.signed_on, 2147483647)::bigint AS sort_number, ''::text AS sort_text
            FROM new_rows n) s
  ON CONFLICT (kind, record_id) DO UPDATE
     SET unit_id = EXCLUDED.unit_id, label = EXCLUDED.label, detail = EXCLUDED.detail, folded = EXCLUDED.folded, grams = EXCLUDED.grams, sort_number = EXCLUDED.sort_number, sort_text = EXCLUDED.sort_text
   WHERE (e.unit_id, e.label, e.detail, e.folded, e.sort_number, e.sort_text) IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.label, EXCLUDED.detail, EXCLUDED.folded, EXCLUDED.sort_number, EXCLUDED.sort_text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_new_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT s.kind, s.record_id, s.unit_id, s.label, s.detail, s.folded, search_grams(s.folded, true), s.sort_number, s.sort_text
    FROM (SELECT 'visit'::text AS kind, n.id AS record_id, n.host_unit_id AS unit_id, n.title_en AS label, coalesce(n.title_zh, n.start_date::text) AS detail,
                 lower(n.search_text) AS folded, (date '2000-01-01' - n.start_date)::bigint AS sort_number, ''::text AS sort_text
            FROM new_rows n) s
  ON CONFLICT (kind, record_id) DO UPDATE
     SET unit_id = EXCLUDED.unit_id, label = EXCLUDED.label, detail = EXCLUDED.detail, folded = EXCLUDED.folded, grams = EXCLUDED.grams, sort_number = EXCLUDED.sort_number, sort_text = EXCLUDED.sort_text
   WHERE (e.unit_id, e.label, e.detail, e.folded, e.sort_number, e.sort_text) IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.label, EXCLUDED.detail, EXCLUDED.folded, EXCLUDED.sort_number, EXCLUDED.sort_text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_new_conferences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT s.kind, s.record_id, s.unit_id, s.label, s.detail, s.folded, search_grams(s.folded, true), s.sort_number, s.sort_text
    FROM (SELECT 'conference'::text AS kind, n.id AS record_id, n.host_unit_id AS unit_id, n.title_en AS label, n.title_zh AS detail,
                 lower(n.search_text) AS folded, (date '2000-01-01' - n.start_date)::bigint AS sort_number, ''::text AS sort_text
            FROM new_rows n) s
  ON CONFLICT (kind, record_id) DO UPDATE
     SET unit_id = EXCLUDED.unit_id, label = EXCLUDED.label, detail = EXCLUDED.detail, folded = EXCLUDED.folded, grams = EXCLUDED.grams, sort_number = EXCLUDED.sort_number, sort_text = EXCLUDED.sort_text
   WHERE (e.unit_id, e.label, e.detail, e.folded, e.sort_number, e.sort_text) IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.label, EXCLUDED.detail, EXCLUDED.folded, EXCLUDED.sort_number, EXCLUDED.sort_text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION search_entries_of_new_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (kind, record_id, unit_id, label, detail, folded, grams, sort_number, sort_text)
  SELECT s.kind, s.record_id, s.unit_id, s.label, s.detail, s.folded, search_grams(s.folded, true), s.sort_number, s.sort_text
    FROM (SELECT 'unit'::text AS kind, n.id AS record_id, NULL::bigint AS unit_id, n.name_en AS label, n.name_zh AS detail,
                 lower(n.search_text) AS folded, 0::bigint AS sort_number, n.code AS sort_text
            FROM new_rows n) s
  ON CONFLICT (kind, record_id) DO UPDATE
     SET unit_id = EXCLUDED.unit_id, label = EXCLUDED.label, detail = EXCLUDED.detail, folded = EXCLUDED.folded, grams = EXCLUDED.grams, sort_number = EXCLUDED.sort_number, sort_text = EXCLUDED.sort_text
   WHERE (e.unit_id, e.label, e.detail, e.folded, e.sort_number, e.sort_text) IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.label, EXCLUDED.detail, EXCLUDED.folded, EXCLUDED.sort_number, EXCLUDED.sort_text);
  RETURN NULL;
END;
$$;

DROP TRIGGER institutions_search_entries_insert ON institutions;
DROP TRIGGER people_search_entries_insert ON people;
DROP TRIGGER agreements_search_entries_insert ON agreements;
DROP TRIGGER visits_search_entries_insert ON visits;
DROP TRIGGER conferences_search_entries_insert ON conferences;
DROP TRIGGER units_search_entries_insert ON units;

CREATE TRIGGER institutions_search_entries_insert AFTER INSERT ON institutions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_of_new_institutions();
CREATE TRIGGER people_search_entries_insert AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_of_new_people();
CREATE TRIGGER agreements_search_entries_insert AFTER INSERT ON agreements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_of_new_agreements();
CREATE TRIGGER visits_search_entries_insert AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_of_new_visits();
CREATE TRIGGER conferences_search_entries_insert AFTER INSERT ON conferences REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_of_new_conferences();
CREATE TRIGGER units_search_entries_insert AFTER INSERT ON units REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_of_new_units();

-- The row triggers that remain (updates, an appointment) look their entry up by key, whatever the
-- table's size was when the session first called them.
ALTER FUNCTION search_entries_put(text, bigint, bigint, text, text, text, bigint, text) SET plan_cache_mode = force_custom_plan;

-- Issue 17, capacity: every list in every order the web offers reads its page from an index
-- (bench/list-plans.ts, bench/RESULTS.md "Beside Directus"). These lists read their whole table
-- and sorted it for each page, since no index had the sort: a page cost the table, and a deep
-- page no more than the first. Each index is the list's ORDER BY exactly, direction, NULLS LAST
-- and the id that breaks ties included (a backward scan of (x, id) gives x DESC, id DESC, not
-- the lists' x DESC, id), so a page is the index's first rows after OFFSET, in order.

-- Institutions (institutions.repo.ts#SORTS): `<column> ASC|DESC, id`; (kind, id) also serves
-- the kind filter. The country's order is served by institutions_country and an incremental sort.
CREATE INDEX institutions_name_id ON institutions(name_en, id);
CREATE INDEX institutions_name_desc_id ON institutions(name_en DESC, id);
CREATE INDEX institutions_kind_id ON institutions(kind, id);
CREATE INDEX institutions_kind_desc_id ON institutions(kind DESC, id);
CREATE INDEX institutions_updated_id ON institutions(updated_at, id);
CREATE INDEX institutions_updated_desc_id ON institutions(updated_at DESC, id);

-- People (people.repo.ts#SORTS): `p.<column> ASC|DESC, p.id`; (nationality, id) also serves the
-- nationality filter. A coordinator's people are read through people_unit as before.
CREATE INDEX people_family_name_id ON people(family_name, id);
CREATE INDEX people_family_name_desc_id ON people(family_name DESC, id);
CREATE INDEX people_nationality_id ON people(nationality, id);
CREATE INDEX people_nationality_desc_id ON people(nationality DESC, id);
CREATE INDEX people_updated_id ON people(updated_at, id);
CREATE INDEX people_updated_desc_id ON people(updated_at DESC, id);

-- Agreements (agreements.repo.ts#SORTS): `<column> ASC|DESC NULLS LAST, a.id`. The term's end
-- (the default order) is computed for the day asked about (renewals roll it on), so no index
-- can hold it. agreements_updated (updated_at) stays for the EWP's changed-since reads.
CREATE INDEX agreements_signed_id ON agreements(signed_on, id);
CREATE INDEX agreements_signed_desc_id ON agreements(signed_on DESC NULLS LAST, id);
CREATE INDEX agreements_title_id ON agreements(title_en, id);
CREATE INDEX agreements_title_desc_id ON agreements(title_en DESC NULLS LAST, id);
CREATE INDEX agreements_updated_id ON agreements(updated_at, id);
CREATE INDEX agreements_updated_desc_id ON agreements(updated_at DESC NULLS LAST, id);

-- Conferences (conferences.repo.ts#SORTS): `c.<column> ASC|DESC, c.id`; the start date's order
-- is served by conferences_start and an incremental sort.
CREATE INDEX conferences_title_id ON conferences(title_en, id);
CREATE INDEX conferences_title_desc_id ON conferences(title_en DESC, id);
CREATE INDEX conferences_updated_id ON conferences(updated_at, id);
CREATE INDEX conferences_updated_desc_id ON conferences(updated_at DESC, id);

-- Hospital memoranda (record-kinds.repo.ts#orderOf, the kind's sortable fields):
-- `r.<column> ASC|DESC NULLS LAST, r.id`; (scope, expires_on, id) serves the scope filter in
-- the default order (expiresOn ascending).
CREATE INDEX hospital_memoranda_title_id ON hospital_memoranda(title, id);
CREATE INDEX hospital_memoranda_title_desc_id ON hospital_memoranda(title DESC NULLS LAST, id);
CREATE INDEX hospital_memoranda_starts_id ON hospital_memoranda(starts_on, id);
CREATE INDEX hospital_memoranda_starts_desc_id ON hospital_memoranda(starts_on DESC NULLS LAST, id);
CREATE INDEX hospital_memoranda_expires_id ON hospital_memoranda(expires_on, id);
CREATE INDEX hospital_memoranda_expires_desc_id ON hospital_memoranda(expires_on DESC NULLS LAST, id);
CREATE INDEX hospital_memoranda_scope_expires_id ON hospital_memoranda(scope, expires_on, id);

-- Ledger aggregates (aggregates.repo.ts#listAggregates): `start_date DESC, id`, latest first;
-- a coordinator's are found by unit (the table had no index on it), and one unit's page is
-- one range of the second.
CREATE INDEX ledger_aggregates_start_desc_id ON ledger_aggregates(start_date DESC, id);
CREATE INDEX ledger_aggregates_unit_start_desc_id ON ledger_aggregates(unit_id, start_date DESC, id);

-- Programmes (programmes.repo.ts#listProgrammes): `g.name_en, g.id`.
CREATE INDEX programmes_name_id ON programmes(name_en, id);

-- The units as every unit picker and the exports' unit names read them (units.repo.ts):
-- `parent_id NULLS FIRST, code`.
CREATE INDEX units_parent_code ON units(parent_id NULLS FIRST, code);

-- The to-do list's students part: enrolled or suspended students by their expected completion,
-- as 0022 did for the other kinds' parts.
CREATE INDEX student_enrolments_status_completion ON student_enrolments(status, expected_completion_on);

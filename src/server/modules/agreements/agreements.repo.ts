import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPageByKey, Where } from '../../db/where.ts';
import type { Agreement } from '../../../shared/contracts/agreements.ts';

/** Columns written from the API's fields (partners live in their own table). */
const WRITABLE = {
  titleEn: 'title_en',
  titleZh: 'title_zh',
  titleFr: 'title_fr',
  level: 'level',
  kind: 'kind',
  unitId: 'unit_id',
  status: 'status',
  ourSignatory: 'our_signatory',
  partnerSignatory: 'partner_signatory',
  signedOn: 'signed_on',
  effectiveOn: 'effective_on',
  expiresOn: 'expires_on',
  terminatedOn: 'terminated_on',
  autoRenewal: 'auto_renewal',
  renewalTermMonths: 'renewal_term_months',
  renewalLeadMonths: 'renewal_lead_months',
  studentsInPerYear: 'students_in_per_year',
  studentsOutPerYear: 'students_out_per_year',
  staffInPerYear: 'staff_in_per_year',
  staffOutPerYear: 'staff_out_per_year',
  studentMobility: 'student_mobility',
  staffMobility: 'staff_mobility',
  languageSkills: 'language_skills',
  notes: 'notes',
  predecessorId: 'predecessor_id',
  searchText: 'search_text',
};

export type AgreementValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

/** How the derived states are read: at a date, with a number of years without activity for "dormant". */
export interface Derivation {
  asOf: string;
  dormantYears: number;
}

/**
 * The sources of the partner_activity view, each for one institution: its rows (`from`, ending
 * in a WHERE clause) and the date of each. `lastActivitySql` and `activityBetweenSql` are both
 * read from this list, so a source added to the view is added here once.
 */
function activitySources(institution: string): Array<{ from: string; date: string }> {
  return [
    { from: `ledger l WHERE l.institution_id = ${institution}`, date: 'l.start_date' },
    {
      from: `conference_partners cp JOIN conferences c ON c.id = cp.conference_id
        WHERE cp.institution_id = ${institution} AND c.status IN ('approved','held','closed')`,
      date: 'c.start_date',
    },
    { from: `appointments ap2 WHERE ap2.institution_id = ${institution} AND ap2.status IN ('appointed','revoked')`, date: 'ap2.start_date' },
  ];
}

/**
 * The last date on or before `asOf` of anything the partner_activity view lists for
 * `institution` (null when none): the view's max, with each of its sources asked on its own, so
 * that the ledger's is one probe of its (institution_id, start_date) index rather than a read of
 * every row the partner has (hundreds at a million ledger rows, for each agreement of a list).
 * agreement-activity.test.ts holds it equal to the view's max for every institution.
 */
export function lastActivitySql(institution: string, asOf: string): string {
  return `GREATEST(${activitySources(institution).map((s) => `(SELECT max(${s.date}) FROM ${s.from} AND ${s.date} <= ${asOf})`).join(',\n      ')})`;
}

/**
 * Whether anything of the partner_activity view for `institution` falls after `after` and on
 * or before `asOf`: what dormancy asks (nothing since the quiet date), as EXISTS probes that stop
 * at the first row found, most often the ledger's, where the last activity's max asks every
 * source. agreement-activity.test.ts holds it equal to the view's answer.
 */
export function activityBetweenSql(institution: string, after: string, asOf: string): string {
  return `(${activitySources(institution).map((s) => `EXISTS (SELECT 1 FROM ${s.from} AND ${s.date} > ${after} AND ${s.date} <= ${asOf})`).join('\n      OR ')})`;
}

/**
 * The FROM clause with the derived states at `$asOf`: the term running then, whether it was in
 * force, the last activity with any partner up to then (in `withActivity` only: the lists
 * filter and sort without it, and read it for their page's rows alone). Both placeholders come
 * first in `where`.
 */
function derivedFrom(where: Where, at: Derivation): { from: string; withActivity: string; expiring: (months: string) => string; dormant: string } {
  const asOf = `${where.param(at.asOf)}::date`;
  const years = `${where.param(at.dormantYears)}::int`;
  // OFFSET 0 keeps a lateral a subquery of its own, computed once a row: pulled up, the term's
  // end (a PL/pgSQL loop over the renewals) was computed for each of the four places that name it.
  const from = `agreements a
    CROSS JOIN LATERAL (SELECT agreement_term_end(a.expires_on, a.auto_renewal, a.renewal_term_months, ${asOf}) AS term_end OFFSET 0) te
    CROSS JOIN LATERAL (SELECT te.term_end,
                               agreement_in_force(a.status, a.effective_on, a.expires_on, a.auto_renewal, a.terminated_on, ${asOf}) AS in_force,
                               (${asOf} - make_interval(years => ${years}))::date AS quiet_since) d`;
  // The last activity per partner in its own lateral, so that the partner's id reaches each source
  // of activity as an index condition; joined to the partner_activity view instead, the planner
  // hashed every dated activity once per agreement (bench/RESULTS.md, Load: 2-4 s a page at 1 M ledger rows).
  const withActivity = `${from}
    CROSS JOIN LATERAL (SELECT max(${lastActivitySql('ap.institution_id', asOf)}) AS last_activity
                          FROM agreement_partners ap WHERE ap.agreement_id = a.id OFFSET 0) act`;
  const expiring = (months: string) =>
    `(a.status IN ('signed','active') AND d.in_force AND d.term_end IS NOT NULL AND d.term_end <= (${asOf} + make_interval(months => ${months}))::date)`;
  // No activity with any partner after the quiet date: the filter's form, EXISTS probes that stop
  // at the first row found; the column reads the page's last activity instead (`dormantColumn`).
  const dormant = `(d.in_force AND a.effective_on <= d.quiet_since AND NOT EXISTS (SELECT 1 FROM agreement_partners ap
    WHERE ap.agreement_id = a.id AND ${activityBetweenSql('ap.institution_id', 'd.quiet_since', asOf)}))`;
  return { from, withActivity, expiring, dormant };
}

/** Dormancy from the last activity of `withActivity`: the filter's `dormant` for the rows read (agreement-activity.test.ts holds them equal). */
const dormantColumn = '(d.in_force AND a.effective_on <= d.quiet_since AND coalesce(act.last_activity <= d.quiet_since, true))';

const PARTNERS = `coalesce((SELECT json_agg(json_build_object(
    'institutionId', i.id, 'partnerUnit', ap.partner_unit, 'nameEn', i.name_en, 'nameZh', i.name_zh,
    'nameLocal', i.name_local, 'kind', i.kind, 'countryCode', i.country_code) ORDER BY ap.position, i.id)
  FROM agreement_partners ap JOIN institutions i ON i.id = ap.institution_id WHERE ap.agreement_id = a.id), '[]'::json)`;

const DOCUMENTS = `coalesce((SELECT json_agg(json_build_object(
    'id', doc.id, 'fileName', doc.file_name, 'mediaType', doc.media_type, 'sizeBytes', doc.size_bytes,
    'sha256', doc.sha256, 'createdAt', ${isoTimestamp('doc.created_at')}) ORDER BY doc.id)
  FROM agreement_documents doc WHERE doc.agreement_id = a.id), '[]'::json)`;

function columns(expiring: string, dormant: string): string {
  return selectList({
    id: 'a.id',
    ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText').map(([f, c]) => [f, `a.${c}`])),
    partners: PARTNERS,
    successorId: '(SELECT s.id FROM agreements s WHERE s.predecessor_id = a.id)',
    termEndsOn: 'd.term_end',
    inForce: 'd.in_force',
    expiring,
    dormant,
    lastActivityOn: 'act.last_activity',
    documents: DOCUMENTS,
    version: 'a.version',
    createdAt: isoTimestamp('a.created_at'),
    updatedAt: isoTimestamp('a.updated_at'),
  });
}

/** Text searched by `q`: the agreement's titles and its partners' names as they are now. */
const SEARCHED = `(a.search_text || ' ' || coalesce((SELECT string_agg(i.search_text, ' ') FROM agreement_partners ap
  JOIN institutions i ON i.id = ap.institution_id WHERE ap.agreement_id = a.id), ''))`;

export interface AgreementFilters {
  q?: string;
  level?: string;
  kind?: string;
  status?: string;
  country?: string;
  unitId?: number;
  institutionId?: number;
  expiringWithinMonths?: number;
  dormant?: 'true' | 'false';
  inForce?: 'true' | 'false';
}

const SORTS: Record<string, string> = { termEndsOn: 'd.term_end', signedOn: 'a.signed_on', titleEn: 'a.title_en', updatedAt: 'a.updated_at' };

/** A page of agreements within the caller's reach (a coordinator's unit), with their derived states at `at.asOf`. */
export function listAgreements(
  db: Scoped,
  at: Derivation,
  query: AgreementFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const { scope } = db;
  const where = new Where();
  const { from, withActivity, expiring, dormant } = derivedFrom(where, at);
  where
    .scope('a.unit_id', scope)
    .searchFolded(SEARCHED, query.q)
    .when(query.level, 'a.level = ?')
    .when(query.kind, 'a.kind = ?')
    .when(query.status, 'a.status = ?')
    .when(query.unitId, 'a.unit_id IN (SELECT unit_subtree(?))')
    .when(query.country, 'EXISTS (SELECT 1 FROM agreement_partners ap JOIN institutions i ON i.id = ap.institution_id WHERE ap.agreement_id = a.id AND i.country_code = ?)')
    .when(query.institutionId, 'EXISTS (SELECT 1 FROM agreement_partners ap WHERE ap.agreement_id = a.id AND ap.institution_id = ?)');
  if (query.expiringWithinMonths !== undefined) where.raw(expiring(`${where.param(query.expiringWithinMonths)}::int`));
  if (query.dormant) where.raw(query.dormant === 'true' ? dormant : `NOT ${dormant}`);
  if (query.inForce) where.raw(query.inForce === 'true' ? 'd.in_force' : 'NOT d.in_force');
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `${SORTS[query.sort] ?? 'd.term_end'} ${direction} NULLS LAST, a.id`;
  const select = columns(expiring('a.renewal_lead_months'), dormantColumn);
  return selectPageByKey<Agreement>(db, { select, from: withActivity, keyFrom: from, key: 'a.id', where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One agreement within the caller's reach, with its derived states at `at.asOf`; `lock` for an update. */
export async function findAgreement(db: Scoped, id: number, at: Derivation, lock = false): Promise<Agreement | null> {
  const { scope } = db;
  const where = new Where();
  const { withActivity, expiring } = derivedFrom(where, at);
  where.when(id, 'a.id = ?').scope('a.unit_id', scope);
  if (lock) await db.query('SELECT 1 FROM agreements WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Agreement>(`SELECT ${columns(expiring('a.renewal_lead_months'), dormantColumn)} FROM ${withActivity} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts an agreement row (partners are written by `replacePartners`). */
export async function insertAgreement(db: Queryable, values: AgreementValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO agreements (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateAgreementRow(db: Queryable, id: number, values: AgreementValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE agreements SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Replaces the partners of an agreement, keeping their order. */
export async function replacePartners(db: Queryable, id: number, partners: Array<{ institutionId: number; partnerUnit: string | null }>): Promise<void> {
  await db.query('DELETE FROM agreement_partners WHERE agreement_id = $1', [id]);
  await db.query(
    `INSERT INTO agreement_partners (agreement_id, institution_id, partner_unit, position)
     SELECT $1, p.institution_id, p.partner_unit, p.position FROM json_to_recordset($2::json) AS p(institution_id bigint, partner_unit text, position int)`,
    [id, JSON.stringify(partners.map((p, position) => ({ institution_id: p.institutionId, partner_unit: p.partnerUnit, position })))],
  );
}

/** The kinds of the given institutions (missing ones are absent). */
export async function institutionKinds(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: number; kind: string }>('SELECT id, kind FROM institutions WHERE id = ANY($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/** Deletes an agreement (its partners and documents go with it). */
export async function deleteAgreementRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM agreements WHERE id = $1', [id]);
}

/** Active agreements whose term ended before `asOf` and that do not renew by themselves. */
export async function lapsedAgreementIds(db: Queryable, asOf: string): Promise<Array<{ id: number; version: number }>> {
  const { rows } = await db.query<{ id: number; version: number }>(
    `SELECT id, version FROM agreements WHERE status = 'active' AND NOT auto_renewal AND expires_on < $1::date ORDER BY id`,
    [asOf],
  );
  return rows;
}

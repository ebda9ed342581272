import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList, insertVersionedRows } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Application, ApplicationStatus, ExchangeKind, Opportunity } from '../../../shared/contracts/exchanges.ts';

// The one definition in SQL of an application that has sent the student, and of one holding a place.
export const COUNTED = `a.status IN ('departed','returned')`;
const HOLDING = `a.status IN ('selected','nominated','departed','returned')`;

const HOST = `json_build_object('nameEn', i.name_en, 'nameZh', i.name_zh, 'nameFr', i.name_fr, 'countryCode', i.country_code, 'isRegion', coalesce(k.is_region, false))`;

// ---- opportunities ----

const OPPORTUNITY_COLUMNS = {
  titleEn: 'title_en',
  titleZh: 'title_zh',
  titleFr: 'title_fr',
  kind: 'kind',
  hostInstitutionId: 'host_institution_id',
  agreementId: 'agreement_id',
  places: 'places',
  academicYear: 'academic_year',
  unitId: 'unit_id',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  applicationsCloseOn: 'applications_close_on',
  iscedFCode: 'isced_f_code',
  // written by the allocation alone: no input carries it
  allocatedOn: 'allocated_on',
  notes: 'notes',
};
export type OpportunityValues = Partial<Record<keyof typeof OPPORTUNITY_COLUMNS, unknown>>;

const OPPORTUNITY_FROM = 'exchange_opportunities o JOIN institutions i ON i.id = o.host_institution_id LEFT JOIN countries k ON k.code = i.country_code';
const OPPORTUNITY_SELECT = selectList({
  id: 'o.id',
  ...Object.fromEntries(Object.entries(OPPORTUNITY_COLUMNS).map(([f, c]) => [f, `o.${c}`])),
  hostInstitution: HOST,
  applicants: '(SELECT count(*)::int FROM exchange_applications a WHERE a.opportunity_id = o.id)',
  placesTaken: `(SELECT count(*)::int FROM exchange_applications a WHERE a.opportunity_id = o.id AND ${HOLDING})`,
  version: 'o.version',
  createdAt: isoTimestamp('o.created_at'),
  updatedAt: isoTimestamp('o.updated_at'),
});

export interface OpportunityFilters {
  q?: string;
  academicYear?: number;
  kind?: ExchangeKind;
  hostInstitutionId?: number;
  country?: string;
  unitId?: number;
}

/** A page of opportunities within the caller's reach, the latest year first. */
export function listOpportunities(db: Scoped, query: OpportunityFilters & { order: 'asc' | 'desc'; page: number; pageSize: number }) {
  const where = new Where()
    .scope('o.unit_id', db.scope)
    .search(`lower(o.title_en || ' ' || coalesce(o.title_zh, '') || ' ' || i.name_en)`, query.q)
    .when(query.academicYear, 'o.academic_year = ?')
    .when(query.kind, 'o.kind = ?')
    .when(query.hostInstitutionId, 'o.host_institution_id = ?')
    .when(query.country, 'i.country_code = ?')
    .when(query.unitId, 'o.unit_id IN (SELECT unit_subtree(?))');
  const orderBy = `o.academic_year ${query.order === 'asc' ? 'ASC' : 'DESC'}, o.title_en, o.id`;
  return selectPage<Opportunity>(db, { select: OPPORTUNITY_SELECT, from: OPPORTUNITY_FROM, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One opportunity within the caller's reach; `lock` for an update (and for an allocation, which serialises on it). */
export async function findOpportunity(db: Scoped, id: number, lock = false): Promise<Opportunity | null> {
  if (lock) await db.query('SELECT 1 FROM exchange_opportunities WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 'o.id = ?').scope('o.unit_id', db.scope);
  const { rows } = await db.query<Opportunity>(`SELECT ${OPPORTUNITY_SELECT} FROM ${OPPORTUNITY_FROM} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts an opportunity. */
export async function insertOpportunity(db: Queryable, values: OpportunityValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, OPPORTUNITY_COLUMNS, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO exchange_opportunities (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields of an opportunity and bumps the version. */
export async function updateOpportunityRow(db: Queryable, id: number, values: OpportunityValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, OPPORTUNITY_COLUMNS, params);
  await db.query(`UPDATE exchange_opportunities SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

// ---- applications ----

const APPLICATION_COLUMNS = {
  opportunityId: 'opportunity_id',
  personId: 'person_id',
  appliedOn: 'applied_on',
  score: 'score',
  languageCertificate: 'language_certificate',
  status: 'status',
  decidedOn: 'decided_on',
  departureDate: 'departure_date',
  returnDate: 'return_date',
  iscedFCode: 'isced_f_code',
  eqfLevel: 'eqf_level',
  notes: 'notes',
};
export type ApplicationValues = Partial<Record<keyof typeof APPLICATION_COLUMNS, unknown>>;

const APPLICATION_FROM = `exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id JOIN people p ON p.id = a.person_id
  JOIN institutions i ON i.id = o.host_institution_id LEFT JOIN countries k ON k.code = i.country_code`;
const APPLICATION_SELECT = selectList({
  id: 'a.id',
  ...Object.fromEntries(Object.entries(APPLICATION_COLUMNS).map(([f, c]) => [f, `a.${c}`])),
  score: 'a.score::float8',
  opportunity: `json_build_object('titleEn', o.title_en, 'kind', o.kind, 'academicYear', o.academic_year)`,
  person: `json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh)`,
  unitId: 'o.unit_id',
  hostInstitutionId: 'o.host_institution_id',
  hostInstitution: HOST,
  version: 'a.version',
  createdAt: isoTimestamp('a.created_at'),
  updatedAt: isoTimestamp('a.updated_at'),
});

export interface ApplicationFilters {
  q?: string;
  opportunityId?: number;
  status?: ApplicationStatus;
  academicYear?: number;
  hostInstitutionId?: number;
  country?: string;
  region?: 'true' | 'false';
  unitId?: number;
  counted?: 'true' | 'false';
  departedFrom?: string;
  departedTo?: string;
  selectedBy?: string;
}

const SORTS: Record<string, string> = {
  appliedOn: 'a.applied_on',
  score: 'a.score',
  familyName: 'p.family_name',
  status: 'a.status',
  departureDate: 'a.departure_date',
  updatedAt: 'a.updated_at',
};

/**
 * The WHERE clause of an applications list within `scope`. `counted` with `departedFrom` /
 * `departedTo` is the exchange figures' definition: departed or returned, departing in the span.
 */
function applicationWhere(scope: number | null, query: ApplicationFilters): Where {
  const where = new Where()
    .scope('o.unit_id', scope)
    .search(`p.search_text`, query.q)
    .when(query.opportunityId, 'a.opportunity_id = ?')
    .when(query.status, 'a.status = ?')
    .when(query.academicYear, 'o.academic_year = ?')
    .when(query.hostInstitutionId, 'o.host_institution_id = ?')
    .when(query.country, 'i.country_code = ?')
    .when(query.unitId, 'o.unit_id IN (SELECT unit_subtree(?))')
    .when(query.departedFrom, 'a.departure_date >= ?::date')
    .when(query.departedTo, 'a.departure_date <= ?::date')
    .when(query.selectedBy, `a.status IN ('selected','nominated','departed','returned') AND coalesce(a.decided_on, a.applied_on) <= ?::date`);
  if (query.region) where.raw(query.region === 'true' ? 'coalesce(k.is_region, false)' : 'NOT coalesce(k.is_region, false)');
  if (query.counted) where.raw(query.counted === 'true' ? COUNTED : `NOT (${COUNTED})`);
  return where;
}

const orderOf = (sort: string | undefined, order: 'asc' | 'desc' | undefined) =>
  `${SORTS[sort ?? 'appliedOn'] ?? 'a.applied_on'} ${order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, a.id`;

/** A page of applications within the caller's reach. */
export function listApplications(db: Scoped, query: ApplicationFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number }) {
  const where = applicationWhere(db.scope, query);
  return selectPage<Application>(db, { select: APPLICATION_SELECT, from: APPLICATION_FROM, where, orderBy: orderOf(query.sort, query.order), page: query.page, pageSize: query.pageSize });
}

/** Every application within the caller's reach that matches, for an export, in a stable order. */
export async function allApplications(db: Scoped, query: ApplicationFilters & { sort?: string; order?: 'asc' | 'desc' }): Promise<Application[]> {
  const where = applicationWhere(db.scope, query);
  const { rows } = await db.query<Application>(`SELECT ${APPLICATION_SELECT} FROM ${APPLICATION_FROM} ${where} ORDER BY ${orderOf(query.sort, query.order)}`, where.params);
  return rows;
}

/**
 * The exchange figures within the caller's reach over a span of departures: person-times (applications
 * departed or returned), distinct host institutions, distinct host countries (regions apart).
 */
export async function exchangeCounts(db: Scoped, from: string, to: string): Promise<{ personTimes: number; universities: number; countries: number }> {
  const where = applicationWhere(db.scope, { counted: 'true', departedFrom: from, departedTo: to });
  const { rows } = await db.query<{ personTimes: number; universities: number; countries: number }>(
    `SELECT count(*)::int AS "personTimes", count(DISTINCT o.host_institution_id)::int AS universities,
            count(DISTINCT i.country_code) FILTER (WHERE NOT coalesce(k.is_region, false))::int AS countries
     FROM ${APPLICATION_FROM} ${where}`,
    where.params,
  );
  return rows[0]!;
}

/** What an opportunity offers, as the fact sheet groups it: an exchange (training, a semester, an elective), study in a joint programme, or a degree. */
export type ExchangePurpose = 'exchange' | 'study' | 'degree';

/**
 * The students selected on or before `asOf` (selected, nominated, departed or returned), each
 * once per purpose: "actively selected excellent students for international exchanges,
 * overseas study programs or the pursuit of degrees".
 */
export async function selectedByPurpose(db: Scoped, asOf: string): Promise<Partial<Record<ExchangePurpose, number>>> {
  const where = applicationWhere(db.scope, { selectedBy: asOf });
  const { rows } = await db.query<{ purpose: ExchangePurpose; students: number }>(
    `SELECT CASE o.kind WHEN 'degree_study' THEN 'degree' WHEN 'joint_graduate' THEN 'study' ELSE 'exchange' END AS purpose, count(DISTINCT a.person_id)::int AS students
     FROM ${APPLICATION_FROM} ${where} GROUP BY 1`,
    where.params,
  );
  return Object.fromEntries(rows.map((r) => [r.purpose, r.students]));
}

/** What an application's ledger row and checks need beside it. */
export interface ApplicationContext {
  kind: ExchangeKind;
  academicYear: number;
  places: number;
  endsOn: string | null;
}

/** One application within the caller's reach, with its opportunity's kind, year, places and end; `lock` for an update. */
export async function findApplication(db: Scoped, id: number, lock = false): Promise<(Application & ApplicationContext) | null> {
  if (lock) await db.query('SELECT 1 FROM exchange_applications WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 'a.id = ?').scope('o.unit_id', db.scope);
  const { rows } = await db.query<Application & ApplicationContext>(
    `SELECT ${APPLICATION_SELECT}, o.kind, o.academic_year AS "academicYear", o.places, o.ends_on AS "endsOn" FROM ${APPLICATION_FROM} ${where}`,
    where.params,
  );
  return rows[0] ?? null;
}

/** The applications of an opportunity, as the allocation sees them. */
export async function opportunityApplicants(db: Queryable, opportunityId: number): Promise<Array<{ id: number; personId: number; status: ApplicationStatus; score: number | null; appliedOn: string }>> {
  const { rows } = await db.query<{ id: number; personId: number; status: ApplicationStatus; score: number | null; appliedOn: string }>(
    `SELECT a.id, a.person_id AS "personId", a.status, a.score::float8 AS score, a.applied_on AS "appliedOn" FROM exchange_applications a WHERE a.opportunity_id = $1 ORDER BY a.id`,
    [opportunityId],
  );
  return rows;
}

/** The persons among `personIds` holding a place of another opportunity of the same academic year. */
export async function holdersElsewhere(db: Queryable, opportunityId: number, academicYear: number, personIds: number[]): Promise<Set<number>> {
  if (!personIds.length) return new Set();
  const { rows } = await db.query<{ personId: number }>(
    `SELECT DISTINCT a.person_id AS "personId" FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id
     WHERE o.academic_year = $1 AND a.opportunity_id <> $2 AND ${HOLDING} AND a.person_id = ANY($3::bigint[])`,
    [academicYear, opportunityId, personIds],
  );
  return new Set(rows.map((r) => r.personId));
}

/** Inserts an application. */
export async function insertApplication(db: Queryable, values: ApplicationValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, APPLICATION_COLUMNS, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO exchange_applications (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields of an application and bumps the version. */
export async function updateApplicationRow(db: Queryable, id: number, values: ApplicationValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, APPLICATION_COLUMNS, params);
  await db.query(`UPDATE exchange_applications SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes an application (its ledger row is the caller's to remove first). */
export async function deleteApplicationRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM exchange_applications WHERE id = $1', [id]);
}

/** Inserts many applications in one statement (the demo's past years); returns the ids of those that sent the student. */
export async function insertApplicationsBulk(db: Queryable, rows: Array<Required<Pick<ApplicationValues, 'opportunityId' | 'personId' | 'appliedOn' | 'score' | 'status'>> & ApplicationValues>): Promise<number[]> {
  if (!rows.length) return [];
  const json = rows.map((r) => ({
    opportunity_id: r.opportunityId, person_id: r.personId, applied_on: r.appliedOn, score: r.score, status: r.status,
    decided_on: r.decidedOn ?? null, departure_date: r.departureDate ?? null, return_date: r.returnDate ?? null, language_certificate: r.languageCertificate ?? null,
    isced_f_code: r.iscedFCode ?? null, eqf_level: r.eqfLevel ?? null,
  }));
  const { rows: ids } = await db.query<{ id: number; status: ApplicationStatus }>(
    `INSERT INTO exchange_applications (opportunity_id, person_id, applied_on, score, status, decided_on, departure_date, return_date, language_certificate, isced_f_code, eqf_level)
     SELECT opportunity_id, person_id, applied_on, score, status, decided_on, departure_date, return_date, language_certificate, isced_f_code, eqf_level
     FROM json_populate_recordset(NULL::exchange_applications, $1::json)
     RETURNING id, status`,
    [JSON.stringify(json)],
  );
  return ids.filter((r) => r.status === 'departed' || r.status === 'returned').map((r) => r.id);
}

/** The ids among `ids` that exist in `table`. */
export async function existingIds(db: Queryable, table: 'institutions' | 'agreements' | 'units', ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE id = ANY($1::bigint[])`, [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The people among `ids` the caller may name: a coordinator their unit's, the office anyone. */
export async function peopleInReach(db: Scoped, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM people WHERE id = ANY($1::bigint[]) AND ($2::bigint IS NULL OR unit_id IN (SELECT unit_subtree($2::bigint)))`,
    [ids, db.scope],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts many applications in one statement, each in the status and with the version its steps
 * brought it to, and returns their ids in the order given (the batch's rows: createApplications).
 */
export function insertApplications(db: Queryable, values: Array<ApplicationValues & { version: number }>): Promise<number[]> {
  return insertVersionedRows(db, 'exchange_applications', APPLICATION_COLUMNS, values);
}

/** Applications by id within the caller's reach, with their opportunity's kind, year, places and end, in the order of their ids. */
export async function findApplications(db: Scoped, ids: number[]): Promise<Array<Application & ApplicationContext>> {
  if (ids.length === 0) return [];
  const where = new Where().when(ids, 'a.id = ANY(?::bigint[])').scope('o.unit_id', db.scope);
  const { rows } = await db.query<Application & ApplicationContext>(
    `SELECT ${APPLICATION_SELECT}, o.kind, o.academic_year AS "academicYear", o.places, o.ends_on AS "endsOn" FROM ${APPLICATION_FROM} ${where} ORDER BY a.id`,
    where.params,
  );
  return rows;
}

/** The pairs among `personIds` that already applied to the opportunity. */
export async function appliedAlready(db: Queryable, opportunityId: number, personIds: number[]): Promise<Set<number>> {
  if (!personIds.length) return new Set();
  const { rows } = await db.query<{ personId: number }>('SELECT person_id AS "personId" FROM exchange_applications WHERE opportunity_id = $1 AND person_id = ANY($2::bigint[])', [opportunityId, personIds]);
  return new Set(rows.map((r) => Number(r.personId)));
}

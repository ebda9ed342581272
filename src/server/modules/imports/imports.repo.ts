/**
 * SQL of the imports: what the matchers compare a file with (every institution's names, the
 * people within the caller's reach), the saved column mappings, and the record of each import.
 */
import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/where.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { Scoped } from '../../core/request-context.ts';
import type { WrittenEntity } from './import-adapters.ts';

/** An institution as an import compares it: every name, the identifiers, the version to update it at. */
export interface InstitutionOnFile {
  id: number;
  countryCode: string;
  nameEn: string;
  nameZh: string | null;
  nameFr: string | null;
  nameLocal: string | null;
  otherNames: string[];
  ror: string | null;
  pic: string | null;
  erasmusCode: string | null;
  version: number;
}

/** Every institution (institutions belong to no unit: everyone may see them). */
export async function institutionsOnFile(db: Queryable): Promise<InstitutionOnFile[]> {
  const { rows } = await db.query<InstitutionOnFile>(
    `SELECT id, country_code AS "countryCode", name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr", name_local AS "nameLocal",
            other_names AS "otherNames", ror, pic, erasmus_code AS "erasmusCode", version
     FROM institutions`,
  );
  return rows;
}

/** A person as an import compares them. */
export interface PersonOnFile {
  id: number;
  nationality: string | null;
  email: string | null;
  familyName: string;
  givenName: string | null;
  nameZh: string | null;
  otherNames: string[];
  version: number;
}

/** The people within the caller's reach, not erased (an erased person is never matched nor written back). */
export async function peopleOnFile(db: Scoped): Promise<PersonOnFile[]> {
  const where = new Where().raw('p.erased_at IS NULL').scope('p.unit_id', db.scope);
  const { rows } = await db.query<PersonOnFile>(
    `SELECT p.id, p.nationality, p.email, p.family_name AS "familyName", p.given_name AS "givenName", p.name_zh AS "nameZh",
            p.other_names AS "otherNames", p.version
     FROM people p ${where}`,
    where.params,
  );
  return rows;
}

/** The countries and regions, for reading cells. */
export async function countryEntries(db: Queryable): Promise<Array<{ code: string; alpha3: string; nameEn: string; nameZh: string; nameFr: string; isRegion: boolean }>> {
  const { rows } = await db.query(`SELECT code, alpha3, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr", is_region AS "isRegion" FROM countries`);
  return rows as Array<{ code: string; alpha3: string; nameEn: string; nameZh: string; nameFr: string; isRegion: boolean }>;
}

/** The units, for reading cells. */
export async function unitEntries(db: Queryable): Promise<Array<{ id: number; code: string; nameEn: string; nameZh: string | null; nameFr: string | null }>> {
  const { rows } = await db.query(`SELECT id, code, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr" FROM units`);
  return rows as Array<{ id: number; code: string; nameEn: string; nameZh: string | null; nameFr: string | null }>;
}

/** A saved column mapping. */
export interface MappingRow {
  id: number;
  kind: string;
  name: string;
  columns: Record<string, string>;
  version: number;
}

/** The saved mappings of a kind, by name. */
export async function listMappings(db: Queryable, kind: string): Promise<MappingRow[]> {
  const { rows } = await db.query<MappingRow>('SELECT id, kind, name, columns, version FROM import_mappings WHERE kind = $1 ORDER BY name', [kind]);
  return rows;
}

/** One saved mapping, or null. */
export async function findMapping(db: Queryable, kind: string, name: string, lock = false): Promise<MappingRow | null> {
  const { rows } = await db.query<MappingRow>(`SELECT id, kind, name, columns, version FROM import_mappings WHERE kind = $1 AND name = $2 ${lock ? 'FOR UPDATE' : ''}`, [kind, name]);
  return rows[0] ?? null;
}

/** Saves a mapping under its name, replacing one of the same name. */
export async function upsertMapping(db: Queryable, values: { kind: string; name: string; columns: Record<string, string>; createdBy: number | null }): Promise<MappingRow> {
  const { rows } = await db.query<MappingRow>(
    `INSERT INTO import_mappings (kind, name, columns, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, name) DO UPDATE SET columns = EXCLUDED.columns, version = import_mappings.version + 1, updated_at = now()
     RETURNING id, kind, name, columns, version`,
    [values.kind, values.name, JSON.stringify(values.columns), values.createdBy],
  );
  return rows[0]!;
}

/**
 * Records an import as its commit begins, in the commit's transaction: its id exists before the
 * records' audit rows, which name it. Its outcome is filled in at the end (`recordOutcome`).
 */
export async function insertImport(
  db: Queryable,
  values: { kind: string; fileName: string; fileSha256: string; actorId: number | null; unitId: number | null },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO imports (kind, file_name, file_sha256, actor_id, unit_id, outcome) VALUES ($1, $2, $3, $4, $5, '{}') RETURNING id`,
    [values.kind, values.fileName, values.fileSha256, values.actorId, values.unitId],
  );
  return rows[0]!.id;
}

/** What an import created and changed, once its records are written, in the same transaction. */
export async function recordOutcome(db: Queryable, id: number, outcome: object): Promise<void> {
  await db.query('UPDATE imports SET outcome = $2 WHERE id = $1', [id, JSON.stringify(outcome)]);
}

/** An agreement as an import compares it: its titles, partners and signing date. */
export interface AgreementOnFile {
  id: number;
  titleEn: string;
  titleZh: string;
  signedOn: string | null;
  partnerIds: number[];
  version: number;
}

/** The agreements within the caller's reach, with their partners. */
export async function agreementsOnFile(db: Scoped): Promise<AgreementOnFile[]> {
  const where = new Where().scope('a.unit_id', db.scope);
  const { rows } = await db.query<AgreementOnFile>(
    `SELECT a.id, a.title_en AS "titleEn", a.title_zh AS "titleZh", a.signed_on AS "signedOn", a.version,
            -- float8: pg reads a bigint[] as strings; ids stay below 2^53.
            COALESCE((SELECT array_agg(p.institution_id::float8 ORDER BY p.institution_id) FROM agreement_partners p WHERE p.agreement_id = a.id), '{}') AS "partnerIds"
     FROM agreements a ${where}`,
    where.params,
  );
  return rows;
}

/** A visit as an import recognises it: its English title, host unit and days. */
export interface VisitOnFile {
  id: number;
  titleEn: string;
  titleZh: string | null;
  hostUnitId: number;
  startDate: string;
  endDate: string;
}

/** The visits within the caller's reach (their host unit's). */
export async function visitsOnFile(db: Scoped): Promise<VisitOnFile[]> {
  const where = new Where().scope('v.host_unit_id', db.scope);
  const { rows } = await db.query<VisitOnFile>(
    `SELECT v.id, v.title_en AS "titleEn", v.title_zh AS "titleZh", v.host_unit_id AS "hostUnitId",
            v.start_date::text AS "startDate", v.end_date::text AS "endDate"
     FROM visits v ${where}`,
    where.params,
  );
  return rows;
}

/** The blind indexes of the passport numbers of the people within the caller's reach (none decrypted). */
export async function passportIndexes(db: Scoped): Promise<Array<{ id: number; passportIndex: string }>> {
  const where = new Where().raw('p.erased_at IS NULL').raw('p.passport_index IS NOT NULL').scope('p.unit_id', db.scope);
  const { rows } = await db.query<{ id: number; passportIndex: string }>(`SELECT p.id, p.passport_index AS "passportIndex" FROM people p ${where}`, where.params);
  return rows;
}

/** A committed import as kept: what it wrote, and whether it was undone. */
export interface ImportRow {
  id: number;
  kind: string;
  fileName: string;
  actorId: number | null;
  outcome: { records?: Array<{ entity: WrittenEntity; id: number; action: 'created' | 'updated'; version: number; before?: Record<string, unknown> }> } & Record<string, unknown>;
  createdAt: string;
  undoneAt: string | null;
}

/** One import, or null. */
export async function findImport(db: Queryable, id: number, lock = false): Promise<ImportRow | null> {
  const { rows } = await db.query<ImportRow>(
    `SELECT id, kind, file_name AS "fileName", actor_id AS "actorId", outcome, ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('undone_at')} AS "undoneAt"
     FROM imports WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Marks an import undone, by whom. */
export async function markUndone(db: Queryable, id: number, actorId: number | null): Promise<void> {
  await db.query('UPDATE imports SET undone_at = now(), undone_by = $2 WHERE id = $1', [id, actorId]);
}

/** The version each record is at now (absent: deleted). */
export async function recordVersions(db: Queryable, table: 'people' | 'visits' | 'institutions' | 'agreements' | 'missions' | 'appointments' | 'honours' | 'ledger_aggregates' | 'student_enrolments' | 'exchange_applications' | 'programme_students' | 'residency_placements' | 'conference_attendees', ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  if (table === 'conference_attendees') {
    // An attendee has no version of its own (its conference's moves with the whole list): a digest of what it holds stands for one.
    const { rows } = await db.query<{ id: number; version: number }>(
      `SELECT id, hashtext(concat_ws('|', full_name, person_id, institution_id, institution_name, country_code, role)) AS version FROM conference_attendees WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    return new Map(rows.map((r) => [Number(r.id), Number(r.version)]));
  }
  const { rows } = await db.query<{ id: number; version: number }>(`SELECT id, version FROM ${table} WHERE id = ANY($1::bigint[])`, [ids]);
  return new Map(rows.map((r) => [Number(r.id), r.version]));
}

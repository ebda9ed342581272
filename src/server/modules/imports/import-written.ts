/**
 * An import's records as its commit writes them: kept as runs of consecutive ids (a ledger file's
 * entries are created 10,000 to a statement, their ids one after the other), so a commit of a
 * million rows holds a few hundred runs, not a million records, and stores them in
 * import_records (migration 0049) rather than as JSON in its outcome.
 */
import type { Queryable } from '../../db/client.ts';
import type { WrittenRecord } from './import-adapters.ts';
import { recordVersions } from './imports.repo.ts';
import { importRecordRuns, insertImportRecords, rangeVersions, type StoredRun } from './import-written.repo.ts';

/** The tables of the records an import writes. */
export const TABLES = { person: 'people', visit: 'visits', institution: 'institutions', agreement: 'agreements', mission: 'missions', appointment: 'appointments', honour: 'honours', aggregate: 'ledger_aggregates', student: 'student_enrolments', exchange_application: 'exchange_applications', programme_student: 'programme_students', residency_placement: 'residency_placements', conference_attendee: 'conference_attendees' } as const;

/** Records written, in the order written: a created record next after the run before it (same entity, the next id) extends it. */
export type WrittenRun = Omit<StoredRun, 'version'>;

/** A written record with the version it was left at by the import. */
export type KeptRecord = WrittenRecord & { version: number };

/** At most this many records are listed in a commit's answer and its audit row; all are kept in import_records. */
export const LISTED_RECORDS = 10_000;

/** The records written so far by a commit, as runs, with their count. */
export class WrittenRuns {
  readonly runs: WrittenRun[] = [];
  count = 0;

  /** Adds a record written. An attendee is never part of a run: its version is a digest of its own values. */
  add(record: WrittenRecord): void {
    this.count += 1;
    const last = this.runs[this.runs.length - 1];
    if (last && record.action === 'created' && last.action === 'created' && last.entity === record.entity && record.id === last.lastId + 1 && record.entity !== 'conference_attendee') {
      last.lastId = record.id;
      return;
    }
    this.runs.push(record.before ? { entity: record.entity, firstId: record.id, lastId: record.id, action: record.action, before: record.before } : { entity: record.entity, firstId: record.id, lastId: record.id, action: record.action });
  }

  /** The records one by one (at most `limit`: null when there are more). */
  listed(limit = LISTED_RECORDS): WrittenRecord[] | null {
    if (this.count > limit) return null;
    return this.runs.flatMap((r) => expand(r));
  }
}

function expand<R extends WrittenRun>(run: R): Array<WrittenRecord & Omit<R, 'firstId' | 'lastId'>> {
  const { firstId, lastId, ...rest } = run;
  const out: Array<WrittenRecord & Omit<R, 'firstId' | 'lastId'>> = [];
  for (let id = firstId; id <= lastId; id += 1) out.push({ ...rest, id } as WrittenRecord & Omit<R, 'firstId' | 'lastId'>);
  return out;
}

/**
 * Stores a commit's records in import_records, each at its version now (the end of the import):
 * a run whose records are all at one version stays one row, else it is stored record by record.
 * A record two rows updated is kept once, with its values before the first (as before migration
 * 0049). Returns the rows stored.
 */
export async function keepWritten(db: Queryable, importId: number, written: WrittenRuns): Promise<number> {
  const { runs } = written;
  const runVersion = new Map<number, number>();
  const versions = new Map<string, Map<number, number>>();
  for (const entity of new Set(runs.map((r) => r.entity))) {
    const mine = runs.flatMap((r, i) => (r.entity === entity ? [i] : []));
    const ranges = mine.filter((i) => runs[i]!.lastId > runs[i]!.firstId);
    const ranged = await rangeVersions(db, TABLES[entity], ranges.map((i) => runs[i]!.firstId), ranges.map((i) => runs[i]!.lastId));
    const ids: number[] = [];
    ranges.forEach((i, k) => {
      const r = runs[i]!;
      const v = ranged[k]!;
      if (v.rows === r.lastId - r.firstId + 1 && v.low !== null && v.low === v.high) runVersion.set(i, v.low);
      else for (let id = r.firstId; id <= r.lastId; id += 1) ids.push(id);
    });
    for (const i of mine) if (runs[i]!.lastId === runs[i]!.firstId) ids.push(runs[i]!.firstId);
    versions.set(entity, await recordVersions(db, TABLES[entity], ids));
  }
  const rows: StoredRun[] = [];
  const seen = new Map<string, StoredRun>();
  runs.forEach((r, i) => {
    const version = runVersion.get(i);
    if (version !== undefined) {
      rows.push({ ...r, version });
      return;
    }
    for (let id = r.firstId; id <= r.lastId; id += 1) {
      const key = `${r.entity}.${id}`;
      const earlier = seen.get(key);
      if (earlier) {
        if (earlier.action === 'updated' && r.before) earlier.before = { ...r.before, ...earlier.before };
        continue;
      }
      const row: StoredRun = { entity: r.entity, firstId: id, lastId: id, action: r.action, version: versions.get(r.entity)?.get(id) ?? 0, ...(r.before ? { before: r.before } : {}) };
      seen.set(key, row);
      rows.push(row);
    }
  });
  await insertImportRecords(db, importId, rows);
  return rows.length;
}

/**
 * The records an import kept, one by one in the order written, each with its version at the
 * end of the import: from import_records, or from its outcome when it was committed before
 * migration 0049; null when it kept none (an import older still, not undoable).
 */
export async function keptRecords(db: Queryable, row: { id: number; outcome: { records?: KeptRecord[] } & Record<string, unknown> }): Promise<KeptRecord[] | null> {
  if (row.outcome.records) return row.outcome.records;
  if (typeof row.outcome.recordRuns !== 'number') return null;
  const runs = (await importRecordRuns(db, row.id)) ?? [];
  return runs.flatMap((r) => expand(r));
}

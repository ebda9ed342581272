/**
 * A row of a person's record, matched through the person: the kinds whose row is one record
 * about one of the people (an honour, an enrolment, an exchange application, a programme
 * student) share how a row is classified and written. Its person is found by RowPeople; the
 * row is the record on file that person already has under the same key (an update), or a new
 * record of a person on file, of a possible duplicate or of a new person. At the commit the
 * updates are written first, then the people the rows create, then the new records, each
 * refusal named by the row and the file's column.
 */
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { MatchReason } from './import-matching.ts';
import { RowPeople, namedByRow, personInputOf } from './import-row-people.ts';
import type { KindState, RowToCommit, RowsCommitted, WrittenEntity, WrittenRecord } from './import-adapters.ts';

/** What one kind of person's record adds to the shared scaffolding. */
export interface PersonRecordKind {
  entity: WrittenEntity;
  /** The reason a row that is a record on file is shown with. */
  sameRecord: MatchReason;
  /** The service's field as the file's column names it, where they differ (personId is the family name's column). */
  columnOf?: Readonly<Record<string, string>>;
  /** What only the records on file can tell is wrong with a row (the exchange it names is not on file), checked first. */
  check?(rowNumber: number, values: Record<string, unknown>): { field: string; reason: string } | undefined;
  /** The record on file the row is without looking at its person (a student number), if any. */
  sure?(rowNumber: number, values: Record<string, unknown>): { id: number; reason: MatchReason } | undefined;
  /** The record on file `personId` has that the row would be, if any. */
  recordOf(rowNumber: number, personId: number, values: Record<string, unknown>): number | undefined;
  /** A record on file as a match shows it; `person` names a person on file. */
  label(id: number, person: (personId: number) => string): string | undefined;
  /** What a person the row creates gets besides the row's person columns (their unit). */
  newPerson(row: RowToCommit): Record<string, unknown>;
  create(ctx: RequestContext, row: RowToCommit, personId: number): Promise<number>;
  /** What else the row writes about its record once created or updated (a programme student's residency), each record for the undo. */
  alongside?(ctx: RequestContext, id: number, row: RowToCommit): Promise<WrittenRecord[]>;
  /**
   * Writes what the row gives (its defaulted cells left out) over the record: null when nothing
   * changed, else the values it wrote over for an undo to give back (none when it cannot).
   */
  update(ctx: RequestContext, id: number, row: RowToCommit, given: Record<string, unknown>): Promise<{ before?: Record<string, unknown> } | null>;
}

/** The row classifier and writer of a kind of person's record, over the people within the caller's reach. */
export async function personRecordState(ctx: Scoped, cipher: Cipher, kind: PersonRecordKind): Promise<KindState> {
  const people = await RowPeople.load(ctx, cipher);
  /** The record on file each row is (an update of it). */
  const recordOfRow = new Map<number, number>();
  const matched = new Set<number>();
  const personLabel = (id: number) => people.label(id) ?? String(id);
  const columnOf = kind.columnOf ?? {};
  const writtenBy = () => Promise.reject(new Error(`${kind.entity} rows are written by commitRows`));

  return {
    classify(rowNumber, values) {
      const problem = kind.check?.(rowNumber, values);
      if (problem) return { class: 'error', matches: [], problems: [problem] };
      const sure = kind.sure?.(rowNumber, values);
      // Classified even when the record is known: a later row may name the same person.
      const person = people.classify(rowNumber, values);
      const same = sure ? [sure] : [...new Set(person.matches.filter((m) => m.id > 0).flatMap((m) => kind.recordOf(rowNumber, m.id, values) ?? []))].map((id) => ({ id, reason: kind.sameRecord }));
      if (same.length === 1) {
        recordOfRow.set(rowNumber, same[0]!.id);
        matched.add(same[0]!.id);
        return { class: 'update', matches: same };
      }
      return person;
    },
    label(id) {
      return (matched.has(id) ? kind.label(id, personLabel) : undefined) ?? people.label(id) ?? String(id);
    },
    create: writtenBy,
    update: writtenBy,

    async commitRows(ctx: RequestContext, rows: RowToCommit[], fileColumnOf: (field: string) => string): Promise<RowsCommitted> {
      const records: WrittenRecord[] = [];
      const unchanged: number[] = [];
      const named = (row: RowToCommit, error: unknown) =>
        namedByRow(error, fileColumnOf, (f) => {
          const field = f.split('.')[0]!;
          return { row: row.rowNumber, field: columnOf[field] ?? (field === 'personId' ? 'familyName' : field) };
        });

      const updates = rows.filter((r) => typeof r.action === 'number' && recordOfRow.get(r.rowNumber) === r.action);
      for (const row of updates) {
        const id = row.action as number;
        try {
          const given = Object.fromEntries(Object.entries(row.values).filter(([f]) => !row.defaulted.includes(f)));
          const changed = await kind.update(ctx, id, row, given);
          if (changed) records.push({ entity: kind.entity, id, action: 'updated', before: changed.before });
          else unchanged.push(id);
          if (kind.alongside) records.push(...(await kind.alongside(ctx, id, row)));
        } catch (error) {
          throw named(row, error);
        }
      }

      const creations = rows.filter((r) => r.action !== 'skip' && !updates.includes(r));
      const resolved = await people.resolve(ctx, creations, { input: (values, row) => personInputOf(values, kind.newPerson(row)), columnOf: fileColumnOf });
      records.push(...resolved.records);
      for (const row of creations) {
        try {
          const id = await kind.create(ctx, row, resolved.personOf.get(row.rowNumber)!);
          records.push({ entity: kind.entity, id, action: 'created' });
          if (kind.alongside) records.push(...(await kind.alongside(ctx, id, row)));
        } catch (error) {
          throw named(row, error);
        }
      }
      return { records, unchanged: [...unchanged, ...resolved.linked], skipped: rows.length - updates.length - creations.length };
    },
  };
}


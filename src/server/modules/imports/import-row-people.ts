/**
 * The person a row names, for the kinds whose record is about people (a mission's members, an
 * appointed expert, an honour's recipient): found among the people on file by passport number
 * (its blind index: nobody's number is decrypted), then e-mail, then name however written; a
 * person found is linked and never changed, one not found is created through the people service.
 */
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { DomainError, parseOrThrow } from '../../core/errors.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createPerson } from '../people/people.service.ts';
import { PersonMatcher, type Match } from './import-matching.ts';
import { passportIndexes, peopleOnFile, type PersonOnFile } from './imports.repo.ts';
import type { RowToCommit, WrittenRecord } from './import-adapters.ts';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** How a row's person stands: on file for sure (passport, e-mail), possibly (name), or new. */
export interface PersonClass {
  class: 'new' | 'update' | 'duplicate';
  matches: Match[];
}

/**
 * A service's refusal named by the row and the file's column it came from: `rows.<row>.<column>`.
 * `fieldOf` maps the service's field (members.2.personId) to the row and field it came from.
 */
export function namedByRow(
  error: unknown,
  columnOf: (field: string) => string,
  fieldOf: (field: string) => { row: number; field: string },
): unknown {
  if (!(error instanceof DomainError)) return error;
  const fields = error.extra.fields?.length ? error.extra.fields : [{ field: 'status', reason: error.code }];
  const forbidden = error.kind === 'forbidden';
  return new DomainError(forbidden || error.kind === 'invalid' ? error.code : 'validation_failed', forbidden ? 'forbidden' : 'invalid', {
    ...error.extra,
    fields: fields.map((f) => {
      const at = fieldOf(f.field);
      return { ...f, field: `rows.${at.row}.${columnOf(at.field)}` };
    }),
  });
}

/** A person field as the file's columns name it (a person's title is the row's position). */
const COLUMN_OF_PERSON_FIELD: Record<string, string> = { title: 'position' };

/** The people a file's rows name: matched while the rows are classified, then linked or created at the commit. */
export class RowPeople {
  private readonly byId: Map<number, PersonOnFile>;
  private readonly matcher: PersonMatcher;
  private readonly byPassport: Map<string, number>;
  /** A row whose person is an earlier row's (the same person twice in the file). */
  private readonly sameAs = new Map<number, number>();

  private constructor(
    people: PersonOnFile[],
    passports: Array<{ id: number; passportIndex: string }>,
    private readonly cipher: Cipher,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
    this.matcher = new PersonMatcher(people);
    this.byPassport = new Map(passports.map((p) => [p.passportIndex, p.id]));
  }

  /** The people within the caller's reach, and their passports' blind indexes. */
  static async load(ctx: Scoped, cipher: Cipher): Promise<RowPeople> {
    return new RowPeople(await peopleOnFile(ctx), await passportIndexes(ctx), cipher);
  }

  /** Classifies the row's person, and makes it known to the rows after it. */
  classify(rowNumber: number, values: Record<string, unknown>): PersonClass {
    const passport = str(values.passportNumber);
    const index = passport ? this.cipher.index(passport.toUpperCase()) : null;
    const byNumber = index ? this.byPassport.get(index) : undefined;
    const email = str(values.email);
    const byEmail = this.matcher.byEmailAddress(email);
    const row = { familyName: str(values.familyName) ?? '', givenName: str(values.givenName), nameZh: str(values.nameZh), otherNames: [] as string[], nationality: str(values.nationality) };
    const byName = this.matcher.find(row);
    this.matcher.add({ id: -rowNumber, email, ...row });
    if (index && byNumber === undefined) this.byPassport.set(index, -rowNumber);

    const sure = byNumber ?? byEmail?.id;
    if (sure !== undefined && sure > 0) return { class: 'update', matches: [{ id: sure, reason: byNumber !== undefined ? 'same_passport' : 'same_email' }] };
    if (sure !== undefined) {
      this.sameAs.set(rowNumber, -sure);
      return { class: 'new', matches: [] };
    }
    const onFile = byName.filter((m) => m.id > 0);
    if (onFile.length) return { class: 'duplicate', matches: onFile };
    const earlier = byName.find((m) => m.id < 0);
    if (earlier) this.sameAs.set(rowNumber, -earlier.id);
    return { class: 'new', matches: [] };
  }

  /** A person on file by name, Latin then Chinese; undefined when `id` is nobody's. */
  label(id: number): string | undefined {
    const p = this.byId.get(id);
    if (!p) return undefined;
    const latin = [p.familyName, p.givenName].filter(Boolean).join(' ');
    return p.nameZh && p.nameZh !== latin ? `${latin} (${p.nameZh})` : latin;
  }

  /**
   * The person of each row to write: the record on file it was decided to be, the person of
   * an earlier row of the file, or a new person created from `input(values)`. A row whose
   * action is skip gets none.
   */
  async resolve(
    ctx: RequestContext,
    rows: RowToCommit[],
    options: { input(values: Record<string, unknown>, row: RowToCommit): Record<string, unknown>; columnOf(field: string): string },
  ): Promise<{ personOf: Map<number, number>; records: WrittenRecord[]; linked: number[] }> {
    const personOf = new Map<number, number>();
    const records: WrittenRecord[] = [];
    const linked: number[] = [];
    for (const row of rows) {
      if (row.action === 'skip') continue;
      if (typeof row.action === 'number') {
        personOf.set(row.rowNumber, row.action);
        linked.push(row.action);
        continue;
      }
      const earlier = this.sameAs.get(row.rowNumber);
      if (earlier !== undefined && personOf.has(earlier)) {
        personOf.set(row.rowNumber, personOf.get(earlier)!);
        continue;
      }
      try {
        const person = await createPerson(ctx, { input: parseOrThrow(PersonInput, options.input(row.values, row)), cipher: this.cipher });
        personOf.set(row.rowNumber, person.id);
        records.push({ entity: 'person', id: person.id, action: 'created' });
      } catch (error) {
        throw namedByRow(error, options.columnOf, (f) => {
          const field = f.split('.')[0]!;
          return { row: row.rowNumber, field: COLUMN_OF_PERSON_FIELD[field] ?? field };
        });
      }
    }
    return { personOf, records, linked };
  }
}

/** The person a row describes, as the people service takes it; `extra` fills what the row has not (the unit of our staff). */
export function personInputOf(values: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { familyName, givenName, nameZh, gender, nationality, institutionId, position, email, passportNumber } = values;
  return { ...extra, familyName, givenName, nameZh, gender, nationality, institutionId, title: position, email, passportNumber };
}

/**
 * A conference's attendees as one kind of import (issue 11: "the conference attendee import
 * becomes one case of the same machinery"): every row added to ONE conference, the one chosen
 * for the file (`conference` in the choices) or else the one its Conference column names, by
 * number or title, within the caller's reach. Written through the conference's own
 * `addAttendees` (the service adding a typed attendee): scope, the conference's version, its
 * ledger rows and an audit row per attendee as for a typed one.
 */
import { DomainError, notFound, parseOrThrow, renamedByIndex } from '../../core/errors.ts';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import { AttendeeInput, AttendeeUpdate, type Attendee } from '../../../shared/contracts/conferences.ts';
import { ATTENDEE_IMPORT } from '../../../shared/contracts/import-attendees.ts';
import { addAttendees, getAttendee, getAttendees, updateAttendee } from '../conferences/attendees.service.ts';
import { getConference, getConferenceTitles } from '../conferences/conferences.service.ts';
import { foldName, nameKeys } from '../../search/normalize.ts';
import { InstitutionMatcher, institutionKey } from './import-matching.ts';
import { valuesBefore } from './import-restore.ts';
import { institutionsOnFile } from './imports.repo.ts';
import type { ImportAdapter, ImportChoices, KindState } from './import-adapters.ts';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** An attendee as the matcher keeps it: the keys of their name and their institution's. */
interface Known {
  id: number;
  names: string[];
  institution: string;
}

/** The attendee a row makes: the contract's fields, the institution linked when its name names exactly one on file. */
function attendeeInput(values: Record<string, unknown>, institutionOf: (name: string) => number | null): Omit<AttendeeInput, 'version'> {
  const institutionName = str(values.institutionName);
  return {
    fullName: str(values.fullName) ?? '',
    institutionName,
    institutionId: institutionName ? institutionOf(institutionName) : null,
    countryCode: str(values.countryCode),
    ...(values.role !== undefined ? { role: values.role as Attendee['role'] } : {}),
  };
}

async function prepare(ctx: Scoped, choices: ImportChoices): Promise<KindState> {
  // The conference chosen for the file must be within reach: another unit's is not there (404), as on the conference routes.
  const chosen = choices.conference !== undefined ? await getConference(ctx, { id: choices.conference }) : undefined;
  const titles = await getConferenceTitles(ctx);
  const byTitle = new Map<string, number[]>();
  for (const c of titles) for (const t of [c.titleEn, c.titleZh, c.titleFr]) if (t) byTitle.set(foldName(t), [...new Set([...(byTitle.get(foldName(t)) ?? []), c.id])]);
  const inReach = new Set(titles.map((c) => c.id));
  const institutions = new InstitutionMatcher(
    (await institutionsOnFile(ctx)).map((i) => ({ id: i.id, countryCode: i.countryCode, names: [i.nameEn, i.nameZh, i.nameFr, i.nameLocal, ...i.otherNames].filter((n): n is string => !!n) })),
  );
  const institutionOf = (name: string) => {
    const found = institutions.find([name]);
    return found.length === 1 ? found[0]!.id : null;
  };
  // Each conference's attendees on file and the file's rows so far, by each key of their name (a file of 20,000 rows
  // is compared with its own rows by lookup, not by scanning them).
  const known = new Map<number, Map<string, Known[]>>();
  const remember = (byName: Map<string, Known[]>, k: Known) => {
    for (const key of k.names) {
      const list = byName.get(key);
      if (list) list.push(k);
      else byName.set(key, [k]);
    }
  };
  const labels = new Map<number, string>();
  const conferenceOfAttendee = new Map<number, number>();
  const knownOf = async (conferenceId: number) => {
    if (!known.has(conferenceId)) {
      const list = await getAttendees(ctx, { id: conferenceId });
      const byName = new Map<string, Known[]>();
      for (const a of list) remember(byName, { id: a.id, names: nameKeys(a.fullName), institution: institutionKey(a.institutionName ?? '') });
      known.set(conferenceId, byName);
      for (const a of list) {
        labels.set(a.id, a.institutionName ? `${a.fullName} (${a.institutionName})` : a.fullName);
        conferenceOfAttendee.set(a.id, conferenceId);
      }
    }
    return known.get(conferenceId)!;
  };
  /** The conference a row is added to: the file's, else its cell's (a number, or a title naming exactly one). */
  const conferenceOf = (values: Record<string, unknown>): number | { reason: string } => {
    if (chosen) return chosen.id;
    const cell = str(values.conference);
    if (!cell) return { reason: 'required' };
    if (/^\d+$/.test(cell)) return inReach.has(Number(cell)) ? Number(cell) : { reason: 'unknown_conference' };
    const ids = byTitle.get(foldName(cell)) ?? [];
    return ids.length === 1 ? ids[0]! : { reason: ids.length ? 'ambiguous_conference' : 'unknown_conference' };
  };
  // The conference of each row, told in classify (synchronous): every conference a file may name is loaded first.
  if (chosen) await knownOf(chosen.id);
  else for (const c of titles) await knownOf(c.id);

  const createMany = async (ctx: RequestContext, rows: Array<Record<string, unknown>>): Promise<number[]> => {
    // The rows of one conference added together, at its version now, in the file's order.
    const ids: number[] = new Array<number>(rows.length);
    const byConference = new Map<number, number[]>();
    rows.forEach((values, index) => {
      const conference = conferenceOf(values);
      if (typeof conference !== 'number') throw new DomainError('validation_failed', 'invalid', { fields: [{ field: `${index}.conference`, reason: conference.reason }] });
      const list = byConference.get(conference);
      if (list) list.push(index);
      else byConference.set(conference, [index]);
    });
    for (const [conferenceId, indexes] of byConference) {
      const conference = await getConference(ctx, { id: conferenceId });
      const inputs = indexes.map((i) => parseOrThrow(AttendeeInput.omit({ version: true }), attendeeInput(rows[i]!, institutionOf)));
      try {
        const added = await addAttendees(ctx, { id: conferenceId, version: conference.version, inputs });
        added.forEach((a, k) => (ids[indexes[k]!] = a.id));
      } catch (error) {
        // A refusal named by the attendee's index among this conference's rows (none for a single one): by the file's instead.
        throw indexes.length === 1
          ? renamedByIndex(error, (index, field) => `${indexes[0]}.${field ? `${index}.${field}` : index}`)
          : renamedByIndex(error, (index, field) => `${indexes[Number(index)] ?? index}.${field}`);
      }
    }
    return ids;
  };

  return {
    entity: 'conference_attendee',
    classify(rowNumber, values) {
      const conference = conferenceOf(values);
      if (typeof conference !== 'number') return { class: 'error', matches: [], problems: [{ field: 'conference', reason: conference.reason }] };
      const names = nameKeys(str(values.fullName) ?? '');
      const institution = institutionKey(str(values.institutionName) ?? '');
      const byName = known.get(conference)!;
      const sameName = [...new Set(names.flatMap((key) => byName.get(key) ?? []))];
      remember(byName, { id: -rowNumber, names, institution });
      const same = sameName.filter((a) => a.institution === institution);
      if (same.length === 1 && same[0]!.id > 0 && sameName.length === 1) return { class: 'update', matches: [{ id: same[0]!.id, reason: 'same_name' }] };
      return sameName.length ? { class: 'duplicate', matches: sameName.map((a) => ({ id: a.id, reason: 'same_name' as const })) } : { class: 'new', matches: [] };
    },
    label: (id) => labels.get(id) ?? String(id),
    create: async (ctx, values) => (await createMany(ctx, [values]))[0]!,
    createMany,
    async update(ctx, id, values) {
      const conferenceId = conferenceOfAttendee.get(id);
      if (conferenceId === undefined) throw notFound();
      const conference = await getConference(ctx, { id: conferenceId });
      const current = await getAttendee(ctx, { id: conferenceId, attendeeId: id });
      const given = attendeeInput(values, institutionOf);
      // Only what the row gives: an empty cell leaves the attendee's value as it is, and the name stays as on the
      // list (it is what the row was matched by: 王振义 is not renamed Wang Zhenyi).
      const changes = Object.fromEntries(Object.entries(given).filter(([field, v]) => v !== null && field !== 'fullName' && (field !== 'institutionId' || given.institutionName !== null)));
      const input = parseOrThrow(AttendeeUpdate, { ...changes, version: conference.version });
      const row = await updateAttendee(ctx, { id: conference.id, attendeeId: id, input });
      const fields = ['fullName', 'institutionId', 'institutionName', 'countryCode', 'role'] as const;
      return fields.some((f) => row[f] !== current[f]) ? { ...valuesBefore(current, input), conferenceId: conference.id } : null;
    },
  };
}

/** The attendees' part in an import. */
export const attendeesImport: ImportAdapter = {
  kind: ATTENDEE_IMPORT,
  input: AttendeeInput.omit({ version: true }),
  toInput: (values) => attendeeInput(values, () => null),
  prepare,
  async checkChoices(ctx, choices) {
    if (choices.conference !== undefined) await getConference(ctx, { id: choices.conference });
  },
};

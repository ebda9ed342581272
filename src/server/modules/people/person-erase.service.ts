import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, notFound } from '../../core/errors.ts';
import { unscoped, type RequestContext } from '../../core/request-context.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import { searchText } from '../../search/normalize.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { erasedFamilyName } from '../../../shared/contracts/person-rights.ts';
import { distinctiveNames, scrubPersonRecord, scrubValue, type ErasedPerson } from './audit-scrub.rules.ts';
import { presentPerson } from './people.presenter.ts';
import { findPerson, type PersonRow } from './people.repo.ts';
import { attendeeNames, auditRowsAbout, erasePersonRows, rewriteAuditCopies } from './person-rights.repo.ts';

/** The fields that name or describe the person (as the audit log copies them); what erasure removes. */
const PERSONAL_FIELDS = ['familyName', 'givenName', 'nameZh', 'otherNames', 'gender', 'institutionId', 'title', 'email', 'notes', 'birthDateEnc', 'passportEnc'] as const;
const TEXT_FIELDS = ['familyName', 'givenName', 'nameZh', 'title', 'email', 'notes'] as const;

type Snapshot = Partial<Record<(typeof TEXT_FIELDS)[number], unknown>> & { otherNames?: unknown };

/** Whatever the person was ever called: their record now and every copy of it in the audit log. */
async function whoTheyWere(tx: Queryable, row: PersonRow): Promise<ErasedPerson> {
  const listed = await attendeeNames(tx, row.id);
  const own = await auditRowsAbout(unscoped(tx), { id: row.id, attendeeIds: [], names: [] });
  const snapshots: Snapshot[] = [row, ...own.filter((r) => r.entity === 'person' && r.entityId === String(row.id)).flatMap((r) => [r.before, r.after] as Snapshot[])];
  const values = new Set<string>();
  const bareNames = new Set<string>();
  const distinctive = new Set<string>();
  for (const s of snapshots.filter((x) => x && typeof x === 'object')) {
    for (const field of TEXT_FIELDS) if (typeof s[field] === 'string' && s[field]) values.add(s[field]);
    const otherNames = Array.isArray(s.otherNames) ? s.otherNames.filter((n): n is string => typeof n === 'string') : [];
    for (const n of otherNames) values.add(n);
    for (const n of [s.familyName, s.givenName, s.nameZh, ...otherNames]) if (typeof n === 'string' && n.length >= 2) bareNames.add(n);
    if (typeof s.familyName !== 'string') continue;
    const names = { familyName: s.familyName, givenName: typeof s.givenName === 'string' ? s.givenName : null, nameZh: typeof s.nameZh === 'string' ? s.nameZh : null };
    for (const n of distinctiveNames({ ...names, otherNames, email: typeof s.email === 'string' ? s.email : null, listed: listed.map((a) => a.fullName) })) distinctive.add(n);
  }
  const longestFirst = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);
  return { id: row.id, values, distinctive: longestFirst(distinctive), names: longestFirst(bareNames), placeholder: erasedFamilyName(row.id) };
}

/** Rewrites every audit row that names the person without their names; returns how many changed. */
async function scrubAuditLog(tx: Queryable, row: PersonRow, person: ErasedPerson): Promise<number> {
  const attendeeIds = (await attendeeNames(tx, row.id)).map((a) => a.id);
  const rows = await auditRowsAbout(unscoped(tx), { id: row.id, attendeeIds, names: person.distinctive });
  let changed = 0;
  for (const audit of rows) {
    const ownRecord = audit.entity === 'person' && audit.entityId === String(row.id);
    const scrub = (v: unknown) => (v === null ? null : ownRecord ? scrubPersonRecord(v, person) : scrubValue(v, person));
    const before = scrub(audit.before);
    const after = scrub(audit.after);
    if (JSON.stringify([before, after]) === JSON.stringify([audit.before, audit.after])) continue;
    await rewriteAuditCopies(tx, audit.id, before, after);
    changed += 1;
  }
  return changed;
}

/** The reason as given, without any of the person's names in it (it is kept in the audit log). */
function reasonWithoutNames(reason: string, person: ErasedPerson): string {
  const names = [...person.values].filter((v) => v.length >= 2).sort((a, b) => b.length - a.length);
  return names.reduce((text, name) => text.replaceAll(name, person.placeholder), scrubValue(reason, person) as string);
}

/**
 * Erases a person's personal data at their request, at `version`: names, contact, personal
 * data and notes go, from their record, from the rows that copied their name (attendee
 * lists, document numbers) and from the audit log's old copies; nationality and unit stay, so
 * that their person-times still count, anonymously, in every figure. Cannot be undone: an
 * erased person cannot be erased again or edited (409 person_erased). The audit row says
 * which fields were erased and why, never what they held.
 */
export async function erasePerson(ctx: RequestContext, options: { id: number; version: number; reason: string; cipher: Cipher }): Promise<Person> {
  const { id, version, cipher } = options;
  const { actor } = ctx;
  return ctx.transaction(async (tx) => {
    // Erasure is the office's (the policy table): the person is found wherever they belong.
    const found = await findPerson(unscoped(tx), id, true);
    if (!found) throw notFound();
    if (found.erasedAt) throw new DomainError('person_erased', 'conflict');
    const current = currentVersion(found, version, (row) => presentPerson(row, cipher, seesPersonalData(actor)));
    const person = await whoTheyWere(tx, current);
    const scrubbed = await scrubAuditLog(tx, current, person);
    const placeholder = erasedFamilyName(id);
    await erasePersonRows(tx, id, placeholder, searchText(placeholder));
    const row = (await findPerson(unscoped(tx), id))!;
    const erasedFields = PERSONAL_FIELDS.filter((f) => {
      const v = current[f];
      return f === 'familyName' || (Array.isArray(v) ? v.length > 0 : v !== null);
    });
    await tx.audit({
      action: 'erase',
      entity: 'person',
      entityId: id,
      unitId: row.unitId,
      before: { erasedFields },
      after: { erasedAt: row.erasedAt, reason: reasonWithoutNames(options.reason, person), auditRowsScrubbed: scrubbed },
    });
    return presentPerson(row, cipher, seesPersonalData(actor));
  });
}

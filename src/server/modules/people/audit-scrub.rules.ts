/**
 * Erasing a person from the audit log's before/after copies: the log keeps what happened
 * (who changed what, when), not the erased person's names.
 */

/** What identifies the erased person in old audit rows. */
export interface ErasedPerson {
  id: number;
  /** What their names, title, email and notes were, at any time (exact values). */
  values: ReadonlySet<string>;
  /** Names long and specific enough to be replaced wherever they occur inside a text (full names, Chinese name, email). */
  distinctive: readonly string[];
  /** Every name alone (family, given, Chinese, other): replaced inside the texts of a record that is theirs. */
  names: readonly string[];
  /** What a name becomes. */
  placeholder: string;
}

/** The fields of a person record as the audit log keeps it (people.presenter.ts#auditPerson) and what each becomes. */
const PERSON_FIELDS: Record<string, (p: ErasedPerson) => unknown> = {
  familyName: (p) => p.placeholder,
  givenName: () => null,
  nameZh: () => null,
  otherNames: () => [],
  gender: () => null,
  institutionId: () => null,
  institutionName: () => null,
  title: () => null,
  email: () => null,
  notes: () => null,
  birthDate: () => null,
  passportNumber: () => null,
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `name` replaced in `text` as a whole word ("Li" is not replaced inside "Lille"); Chinese has no word boundaries. */
function replaceName(text: string, name: string, placeholder: string): string {
  if (!text.includes(name)) return text;
  if (/^\p{Script=Han}+$/u.test(name)) return text.replaceAll(name, placeholder);
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'gu'), placeholder);
}

function scrubText(text: string, person: ErasedPerson, linked: boolean): string {
  let result = text;
  for (const name of person.distinctive) result = replaceName(result, name, person.placeholder);
  if (linked) for (const name of person.names) result = replaceName(result, name, person.placeholder);
  return result;
}

/** Keys that always carry a person's names in a person-linked object (a visit's member, an attendee). */
const NAME_KEYS = new Set(['familyName', 'givenName', 'nameZh', 'fullName', 'email', 'otherNames']);

/** A name stays a (neutral) name, a list of names an empty list, anything else of theirs goes. */
function scrubLinkedField(key: string, value: unknown, person: ErasedPerson): unknown {
  if (key === 'familyName' || key === 'fullName') return typeof value === 'string' ? person.placeholder : value;
  return key === 'otherNames' ? [] : null;
}

/**
 * A copy of `value` with the person's names gone: any occurrence of a distinctive name inside
 * a text; and in a person-linked object (`personId` = theirs, as a visit's members, attendee
 * rows, appointments and documents are kept) and everything inside it, their name fields, any
 * field equal to one of their values (a member's title), and their names alone inside texts
 * ("Mme Dupont's file").
 */
export function scrubValue(value: unknown, person: ErasedPerson, inLinked = false): unknown {
  if (typeof value === 'string') return scrubText(value, person, inLinked);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, person, inLinked));
  if (value === null || typeof value !== 'object') return value;
  const personId = (value as { personId?: unknown }).personId;
  // Another person's copy (a fellow member, a namesake) is theirs: left as it is.
  if (!inLinked && typeof personId === 'number' && personId !== person.id) return value;
  const linked = inLinked || personId === person.id;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      if (linked && (NAME_KEYS.has(key) || (typeof v === 'string' && person.values.has(v)))) return [key, scrubLinkedField(key, v, person)];
      return [key, scrubValue(v, person, linked)];
    }),
  );
}

/** A copy of an audit row's before or after of the person's own record: every personal field replaced, the rest scrubbed. */
export function scrubPersonRecord(value: unknown, person: ErasedPerson): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return scrubValue(value, person);
  const scrubbed = scrubValue(value, person, true) as Record<string, unknown>;
  for (const [key, erased] of Object.entries(PERSON_FIELDS)) if (key in scrubbed) scrubbed[key] = erased(person);
  return scrubbed;
}

/**
 * The names that are replaced wherever they occur: full names in both orders, the Chinese
 * name, other names, the email, and the names attendee lists gave them. A lone family or
 * given name is not (it would take other people's "Wang" with it), except as an exact value.
 */
export function distinctiveNames(names: { familyName: string; givenName: string | null; nameZh: string | null; otherNames: string[]; email: string | null; listed: string[] }): string[] {
  const { familyName: f, givenName: g } = names;
  const forms = [g ? `${g} ${f}` : null, g ? `${f} ${g}` : null, g ? `${f.toUpperCase()} ${g}` : null, names.nameZh, names.email, ...names.otherNames, ...names.listed];
  const long = forms.filter((n): n is string => !!n && (n.length >= 5 || /\p{Script=Han}{2,}/u.test(n)));
  // Longest first, so that a full name is replaced whole before a shorter form inside it.
  return [...new Set(long)].sort((a, b) => b.length - a.length);
}

import { describe, expect, it } from 'vitest';
import * as agreements from '../contracts/agreements.ts';
import * as appointments from '../contracts/appointments.ts';
import * as conferences from '../contracts/conferences.ts';
import * as exchanges from '../contracts/exchanges.ts';
import * as missions from '../contracts/missions.ts';
import { MOVEMENT_OFFICE_ONLY_STEPS } from '../contracts/movements.ts';
import * as programmes from '../contracts/programmes.ts';
import * as students from '../contracts/students.ts';
import * as visits from '../contracts/visits.ts';
import { POLICIES } from '../policies.ts';
import { reachableStates, type KindDescription } from './kind.ts';
import { KINDS } from './kinds.ts';
import { describeRecordKind, type RecordKind } from './record-kind.ts';
import { RECORD_KINDS } from './record-kinds.ts';

// Each description says what the contracts export (the web and the server read those), not a copy.
const CONTRACTS: Record<string, { states: readonly string[]; transitions: Record<string, readonly string[]>; officeOnly: readonly string[]; deletable?: readonly string[]; counted?: readonly string[] }> = {
  agreements: { states: agreements.AGREEMENT_STATUSES, transitions: agreements.AGREEMENT_TRANSITIONS, officeOnly: [], deletable: agreements.DELETABLE_STATUSES },
  visits: { states: visits.VISIT_STATUSES, transitions: visits.VISIT_TRANSITIONS, officeOnly: MOVEMENT_OFFICE_ONLY_STEPS, deletable: visits.VISIT_DELETABLE_STATUSES, counted: visits.COUNTED_STATUSES },
  missions: { states: missions.MISSION_STATUSES, transitions: missions.MISSION_TRANSITIONS, officeOnly: MOVEMENT_OFFICE_ONLY_STEPS, deletable: missions.MISSION_DELETABLE_STATUSES, counted: missions.MISSION_COUNTED_STATUSES },
  conferences: { states: conferences.CONFERENCE_STATUSES, transitions: conferences.CONFERENCE_TRANSITIONS, officeOnly: conferences.OFFICE_CONFERENCE_STEPS, deletable: conferences.DELETABLE_CONFERENCE_STATUSES, counted: conferences.LEDGER_CONFERENCE_STATUSES },
  appointments: { states: appointments.APPOINTMENT_STATUSES, transitions: appointments.APPOINTMENT_TRANSITIONS, officeOnly: appointments.OFFICE_APPOINTMENT_STEPS, deletable: appointments.DELETABLE_APPOINTMENT_STATUSES },
  students: { states: students.STUDENT_STATUSES, transitions: students.STUDENT_TRANSITIONS, officeOnly: [], deletable: students.STUDENT_DELETABLE_STATUSES, counted: students.STUDENT_COUNTED_STATUSES },
  'exchange-applications': { states: exchanges.APPLICATION_STATUSES, transitions: exchanges.APPLICATION_TRANSITIONS, officeOnly: [], counted: exchanges.EXCHANGE_COUNTED_STATUSES },
  // derived, not stored: the selection of an opportunity's places (its allocation is the office's)
  'exchange-opportunities': { states: exchanges.OPPORTUNITY_SELECTIONS, transitions: exchanges.OPPORTUNITY_SELECTION_TRANSITIONS, officeOnly: ['allocated'] },
  'residency-placements': { states: programmes.PLACEMENT_STATUSES, transitions: programmes.PLACEMENT_TRANSITIONS, officeOnly: [], counted: programmes.PLACEMENT_COUNTED_STATUSES },
};

describe('the kind descriptions', () => {
  it('describe the nine kinds with a workflow and every record kind, and each of the nine the states and steps its contract exports', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...Object.keys(CONTRACTS), ...RECORD_KINDS.map((k) => k.path)].sort());
    for (const [name, contract] of Object.entries(CONTRACTS)) {
      const kind = KINDS[name]!;
      expect(kind.states, name).toEqual(contract.states);
      expect(kind.transitions, name).toEqual(contract.transitions);
      expect([...kind.officeOnly].sort(), name).toEqual([...contract.officeOnly].sort());
      if (contract.deletable) expect(kind.deletable, name).toEqual(contract.deletable);
      if (contract.counted) expect(kind.counted, name).toEqual(contract.counted);
    }
  });

  it('name only their own states, reach every state from the first, and label each in every language', () => {
    for (const [name, kind] of Object.entries(KINDS) as Array<[string, KindDescription]>) {
      const states = new Set(kind.states);
      const named = [kind.initial, ...kind.officeOnly, ...kind.frozen, ...kind.deletable, ...kind.counted, ...Object.keys(kind.steps), ...kind.deadlines.flatMap((d) => d.owedIn), ...Object.values(kind.transitions).flat()];
      for (const s of named) expect(states.has(s), `${name}: ${s}`).toBe(true);
      expect(reachableStates(kind), name).toEqual(states);
      for (const s of kind.states) for (const locale of ['en', 'zh', 'fr'] as const) expect(kind.statusLabels[s]?.[locale], `${name}: ${s} ${locale}`).toBeTruthy();
      // A step the office alone takes must be one a unit could otherwise take: the policy table lets it update.
      expect(POLICIES[kind.policy].update, name).toBeDefined();
    }
  });

  it('give every deadline a span counted from a date: after it (a report), or before it (a renewal due before the expiry)', () => {
    for (const kind of Object.values(KINDS)) {
      const fields = 'fields' in kind ? (kind as RecordKind).fields : null;
      for (const d of kind.deadlines) {
        const span = 'days' in d.after ? d.after.days : d.after.months;
        if (fields) expect(fields.find((f) => f.name === d.from)?.type.is, d.from).toBe('date');
        else expect(d.from).toMatch(/(Date|On)$/);
        expect(span).not.toBe(0);
      }
    }
  });
});

/** What is wrong with a record kind's fields, as sentences: none for a kind the server and the web can be built from. */
function recordKindProblems(kind: RecordKind): string[] {
  const problems: string[] = [];
  const names = new Set(kind.fields.map((f) => f.name));
  const recorded = new Set(Object.values(kind.steps).flatMap((rule) => rule?.records ?? []));
  const asked = Object.values(kind.steps).flatMap((rule) => rule?.requires ?? []);
  for (const f of kind.fields) {
    for (const locale of ['en', 'zh', 'fr'] as const) if (!f.label[locale]) problems.push(`${f.name}: no ${locale} label`);
    if (f.type.is === 'choice') for (const [value, labels] of Object.entries(f.type.options)) for (const locale of ['en', 'zh', 'fr'] as const) if (!labels[locale]) problems.push(`${f.name}.${value}: no ${locale} label`);
    if (!/^[a-z][a-zA-Z0-9]*$/.test(f.name)) problems.push(`${f.name}: not camelCase`);
    if (!/^[a-z][a-z0-9_]*$/.test(f.column)) problems.push(`${f.column}: not snake_case`);
    if (Boolean(f.byStep) !== recorded.has(f.name)) problems.push(`${f.name}: written by a step ${f.byStep ? 'named by none' : 'but not byStep'}`);
    if (f.byStep && f.required) problems.push(`${f.name}: written by a step, so not required on create`);
  }
  for (const name of [...recorded, ...asked]) if (!names.has(name)) problems.push(`${name}: a step writes a field the kind does not have`);
  if (names.size !== kind.fields.length) problems.push('two fields share a name');
  if (new Set(kind.fields.map((f) => f.column)).size !== kind.fields.length) problems.push('two fields share a column');
  for (const [what, name] of [['title', kind.title], ['defaultSort', kind.defaultSort]] as const) if (!names.has(name)) problems.push(`${what}: ${name} is not a field`);
  if (!kind.fields.find((f) => f.name === kind.defaultSort)?.sort) problems.push(`defaultSort: ${kind.defaultSort} is not a sort field`);
  if (!['name', 'text'].includes(kind.fields.find((f) => f.name === kind.title)?.type.is ?? '')) problems.push(`title: ${kind.title} is not a name`);
  if (kind.fields.filter((f) => f.type.is === 'unit').length !== 1) problems.push('not exactly one unit field');
  if (!/^[a-z][a-z0-9_]*$/.test(kind.table) || !/^[a-z][a-z0-9-]*$/.test(kind.path)) problems.push(`table ${kind.table} or path ${kind.path} malformed`);
  for (const locale of ['en', 'zh', 'fr'] as const) if (!kind.name.one[locale] || !kind.name.many[locale]) problems.push(`name: no ${locale}`);
  return problems;
}

describe('the record kinds', () => {
  it('label every field and choice in three languages, write by steps exactly the fields marked byStep, and name real fields for title, sort and filters, with one unit field', () => {
    for (const kind of RECORD_KINDS) expect(recordKindProblems(kind), kind.path).toEqual([]);
  });

  it('are checked: a kind with a missing label, a stray step field, a title that is no field and two unit fields is refused on each', () => {
    const label = { en: 'Unit', zh: '单位', fr: 'Unité' };
    const broken = describeRecordKind({
      path: 'broken-kinds', table: 'broken_kinds', policy: 'honour', audit: 'broken', labelKey: 'broken',
      name: { one: label, many: label }, title: 'missing', defaultSort: 'unitId',
      fields: [
        { name: 'unitId', column: 'unit_id', type: { is: 'unit' }, required: true, label: { en: 'Unit', zh: '', fr: 'Unité' }, sort: true },
        { name: 'otherUnitId', column: 'other_unit_id', type: { is: 'unit' }, required: false, label, byStep: true },
      ],
      statusLabels: { open: label }, states: ['open'], initial: 'open', transitions: { open: [] }, officeOnly: [],
      steps: { open: { records: ['closedOn'] } }, illegalStep: 'illegal_transition', frozen: [], deletable: [], counted: [], deadlines: [],
    });
    expect(recordKindProblems(broken)).toEqual([
      'unitId: no zh label',
      'otherUnitId: written by a step named by none',
      'closedOn: a step writes a field the kind does not have',
      'title: missing is not a field',
      'title: missing is not a name',
      'not exactly one unit field',
    ]);
  });
});

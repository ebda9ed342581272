import { describe, expect, it } from 'vitest';
import { recordContract } from './record-contract.ts';
import { describeRecordKind } from './record-kind.ts';

const label = { en: 'x', zh: 'x', fr: 'x' };
/** One field of each type, some required, some listed, filtered or sorted, one written by a step. */
const SAMPLE = describeRecordKind({
  path: 'samples', table: 'samples', policy: 'honour', audit: 'sample', labelKey: 'samples',
  name: { one: label, many: label }, title: 'title', defaultSort: 'startsOn',
  fields: [
    { name: 'title', column: 'title', type: { is: 'name', max: 10 }, required: true, label, sort: true },
    { name: 'partnerId', column: 'partner_id', type: { is: 'institution' }, required: false, label, filter: true },
    { name: 'unitId', column: 'unit_id', type: { is: 'unit' }, required: true, label, filter: true },
    { name: 'countryCode', column: 'country_code', type: { is: 'country' }, required: false, label, filter: true },
    { name: 'scope', column: 'scope', type: { is: 'choice', options: { a: label, b: label } }, required: true, label, filter: true },
    { name: 'startsOn', column: 'starts_on', type: { is: 'date' }, required: true, label, filter: true, sort: true },
    { name: 'notes', column: 'notes', type: { is: 'text', max: 20 }, required: false, label },
    { name: 'closedOn', column: 'closed_on', type: { is: 'date' }, required: false, label, byStep: true },
  ],
  statusLabels: { open: label, closed: label }, states: ['open', 'closed'], initial: 'open', transitions: { open: ['closed'], closed: [] },
  officeOnly: [], steps: { closed: { records: ['closedOn'] } }, illegalStep: 'illegal_transition', frozen: ['closed'], deletable: ['open'], counted: [], deadlines: [],
});

const { Input, Update, Transition, Query, Record } = recordContract(SAMPLE);
const valid = { title: ' Memo ', unitId: 3, scope: 'a', startsOn: '2024-02-29' };
const problemsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => [...new Set((result.error?.issues ?? []).map((i) => i.path.join('.')))].sort();

describe('the contracts of a record kind, read from its fields', () => {
  it('take a create with the required fields, trim names, empty optional ones to null, and leave out what a step writes', () => {
    const parsed = Input.parse({ ...valid, notes: '', countryCode: 'fr', closedOn: '2024-03-01' });
    expect(parsed).toEqual({ title: 'Memo', unitId: 3, scope: 'a', startsOn: '2024-02-29', partnerId: null, countryCode: 'FR', notes: null });
  });

  it('refuse a create naming each field wrong or missing', () => {
    expect(problemsOf(Input.safeParse({}))).toEqual(['scope', 'startsOn', 'title', 'unitId']);
    expect(problemsOf(Input.safeParse({ ...valid, title: 'a\nb', scope: 'c', startsOn: '2023-02-29', unitId: '0x1', notes: 'n'.repeat(21) }))).toEqual(['notes', 'scope', 'startsOn', 'title', 'unitId']);
  });

  it('take an edit of any form field with its version, and default none of the others', () => {
    expect(Update.parse({ notes: 'More', version: 2 })).toEqual({ notes: 'More', version: 2 });
    expect(problemsOf(Update.safeParse({ notes: 'More' }))).toEqual(['version']);
  });

  it('take a step into a state of the kind, dated or not', () => {
    expect(Transition.parse({ to: 'closed', version: 1 })).toEqual({ to: 'closed', version: 1 });
    expect(problemsOf(Transition.safeParse({ to: 'elsewhere', on: '2024-13-01', version: 1 }))).toEqual(['on', 'to']);
  });

  it('list by page, status, each filter (a date by its range), a sort field, newest first by default, as JSON or an export', () => {
    expect(Query.parse({})).toEqual({ page: 1, pageSize: 25, order: 'desc', sort: 'startsOn', format: 'json' });
    const query = { partnerId: '4', unitId: '3', countryCode: 'de', scope: 'b', startsOnFrom: '2024-01-01', startsOnTo: '2024-12-31', status: 'open', sort: 'title', format: 'csv' };
    expect(Query.parse(query)).toMatchObject({ partnerId: 4, unitId: 3, countryCode: 'DE', scope: 'b', startsOnFrom: '2024-01-01', status: 'open', sort: 'title', format: 'csv' });
    expect(problemsOf(Query.safeParse({ sort: 'notes', scope: 'c', startsOnFrom: 'soon', status: 'gone' }))).toEqual(['scope', 'sort', 'startsOnFrom', 'status']);
  });

  it('answer a record with its fields, the names of its institution and unit, and its status and version', () => {
    const names = { nameEn: 'Unit', nameZh: null, nameFr: null };
    const record = { id: 1, ...valid, partnerId: null, countryCode: null, notes: null, closedOn: null, partner: null, unit: names, status: 'open', version: 1, createdAt: 't', updatedAt: 't' };
    expect(Record.parse(record)).toEqual(record);
    expect(problemsOf(Record.safeParse({ ...record, unit: null }))).toEqual(['unit']);
  });
});

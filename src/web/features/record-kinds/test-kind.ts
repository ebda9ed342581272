import { describeRecordKind } from '../../../shared/kinds/record-kind.ts';

const label = (en: string) => ({ en, zh: `${en}（中）`, fr: `${en} (fr)` });

/** A small kind for the web's tests: a field of each type, a path drafted → signed → ended with a withdrawal off it, the signature the office's. */
export const TEST_KIND = describeRecordKind({
  path: 'test-memoranda',
  table: 'test_memoranda',
  policy: 'agreement',
  audit: 'test_memorandum',
  labelKey: 'testMemoranda',
  name: { one: label('Test memorandum'), many: label('Test memoranda') },
  title: 'title',
  defaultSort: 'startsOn',
  fields: [
    { name: 'title', column: 'title', type: { is: 'name', max: 300 }, required: true, label: label('Title'), listed: true, sort: true },
    { name: 'partnerId', column: 'partner_id', type: { is: 'institution' }, required: true, label: label('Partner'), listed: true, filter: true },
    { name: 'unitId', column: 'unit_id', type: { is: 'unit' }, required: true, label: label('Unit'), filter: true },
    { name: 'country', column: 'country', type: { is: 'country' }, required: false, label: label('Country') },
    { name: 'scope', column: 'scope', type: { is: 'choice', options: { rotation: label('Rotation'), research: label('Research') } }, required: true, label: label('Scope'), listed: true, filter: true },
    { name: 'startsOn', column: 'starts_on', type: { is: 'date' }, required: true, label: label('Starts'), listed: true, filter: true, sort: true },
    { name: 'notes', column: 'notes', type: { is: 'text' }, required: false, label: label('Notes') },
    { name: 'signedOn', column: 'signed_on', type: { is: 'date' }, required: false, byStep: true, label: label('Signed on') },
  ],
  statusLabels: { drafted: label('Drafted'), signed: label('Signed'), ended: label('Ended'), withdrawn: label('Withdrawn') },
  states: ['drafted', 'signed', 'ended', 'withdrawn'],
  initial: 'drafted',
  transitions: { drafted: ['signed', 'withdrawn'], signed: ['ended'], ended: [], withdrawn: [] },
  officeOnly: ['signed'],
  steps: { signed: { records: ['signedOn'] } },
  illegalStep: 'illegal_transition',
  frozen: ['ended', 'withdrawn'],
  deletable: ['drafted'],
  counted: [],
  deadlines: [],
});

import { describeRecordKind } from './record-kind.ts';

/**
 * A memorandum with an affiliated hospital abroad (境外合作医院备忘录): a teaching hospital of
 * ours and a hospital abroad agree on clinical exchange — observerships, rotations, joint
 * training. The unit drafts it, the office signs it off, it ends on its date or earlier;
 * its renewal falls due three months before it expires.
 */
export const HOSPITAL_MEMORANDUM_KIND = describeRecordKind({
  path: 'hospital-memoranda',
  table: 'hospital_memoranda',
  policy: 'hospital_memorandum',
  audit: 'hospital_memorandum',
  labelKey: 'hospitalMemoranda',
  name: {
    one: { en: 'Hospital memorandum', zh: '境外合作医院备忘录', fr: 'Protocole hospitalier' },
    many: { en: 'Hospital memoranda', zh: '境外合作医院备忘录', fr: 'Protocoles hospitaliers' },
  },
  title: 'title',
  defaultSort: 'expiresOn',
  fields: [
    { name: 'title', column: 'title', type: { is: 'name', max: 300 }, required: true, label: { en: 'Title', zh: '名称', fr: 'Intitulé' }, listed: true, sort: true },
    { name: 'hospitalId', column: 'hospital_id', type: { is: 'institution' }, required: true, label: { en: 'Hospital abroad', zh: '境外医院', fr: 'Hôpital à l’étranger' }, listed: true, filter: true },
    { name: 'unitId', column: 'unit_id', type: { is: 'unit' }, required: true, label: { en: 'Our hospital or unit', zh: '我方医院或单位', fr: 'Notre hôpital ou unité' }, listed: true, filter: true },
    {
      name: 'scope', column: 'scope', required: true, listed: true, filter: true,
      type: { is: 'choice', options: {
        observership: { en: 'Observerships', zh: '临床见习', fr: 'Stages d’observation' },
        rotation: { en: 'Clinical rotations', zh: '临床轮转', fr: 'Rotations cliniques' },
        training: { en: 'Joint training', zh: '联合培训', fr: 'Formation conjointe' },
        research: { en: 'Clinical research', zh: '临床研究', fr: 'Recherche clinique' },
      } },
      label: { en: 'Scope', zh: '合作范围', fr: 'Objet' },
    },
    { name: 'startsOn', column: 'starts_on', type: { is: 'date' }, required: true, label: { en: 'Starts', zh: '生效日期', fr: 'Début' }, listed: true, sort: true },
    { name: 'expiresOn', column: 'expires_on', type: { is: 'date' }, required: false, label: { en: 'Expires', zh: '到期日期', fr: 'Échéance' }, listed: true, filter: true, sort: true },
    { name: 'notes', column: 'notes', type: { is: 'text', max: 5000 }, required: false, label: { en: 'Notes', zh: '备注', fr: 'Remarques' } },
    { name: 'signedOn', column: 'signed_on', type: { is: 'date' }, required: false, byStep: true, label: { en: 'Signed on', zh: '签署日期', fr: 'Signé le' }, listed: true },
    { name: 'endedOn', column: 'ended_on', type: { is: 'date' }, required: false, byStep: true, label: { en: 'Ended on', zh: '终止日期', fr: 'Terminé le' } },
    { name: 'withdrawnOn', column: 'withdrawn_on', type: { is: 'date' }, required: false, byStep: true, label: { en: 'Withdrawn on', zh: '撤回日期', fr: 'Retiré le' } },
  ],
  statusLabels: {
    drafted: { en: 'Drafted', zh: '草拟', fr: 'En projet' },
    signed: { en: 'Signed', zh: '已签署', fr: 'Signé' },
    ended: { en: 'Ended', zh: '已终止', fr: 'Terminé' },
    withdrawn: { en: 'Withdrawn', zh: '已撤回', fr: 'Retiré' },
  },
  states: ['drafted', 'signed', 'ended', 'withdrawn'],
  initial: 'drafted',
  transitions: { drafted: ['signed', 'withdrawn'], signed: ['ended'], ended: [], withdrawn: [] },
  officeOnly: ['signed'],
  steps: {
    signed: { records: ['signedOn'] },
    ended: { records: ['endedOn'] },
    withdrawn: { records: ['withdrawnOn'] },
  },
  illegalStep: 'illegal_transition',
  frozen: ['ended', 'withdrawn'],
  deletable: ['drafted'],
  counted: [],
  deadlines: [{ what: 'renewal', from: 'expiresOn', after: { months: -3 }, owedIn: ['signed'] }],
});

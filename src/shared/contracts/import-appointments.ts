import type { ImportKind } from './imports.ts';
import { personColumns } from './import-person-columns.ts';
import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_TITLE_LABELS } from '../i18n/inbound-labels.ts';

/** The statuses an imported appointment may be in: proposed, or conferred (the office's step, taken as in the app). */
const IMPORTED_APPOINTMENT_STATUSES = ['proposed', 'appointed'] as const;

/**
 * Foreign experts' appointments (contract: AppointmentInput), one row each: the expert named as
 * a person (found on file by passport number, e-mail or name; created in the appointing unit
 * otherwise), the title, the appointing unit and the term.
 */
export const APPOINTMENT_IMPORT: ImportKind = {
  name: 'appointments',
  one: { en: 'expert appointment', zh: '外籍专家聘任', fr: "nomination d'expert" },
  entity: 'appointment',
  guide: {
    en:
      "One row per appointment. The expert is looked for among the people on file by passport number, then e-mail, then name however written; an expert found is linked, not changed; one not found is created in the appointing unit. " +
      'An appointment on file (same expert, title, unit and first day) is recognised: its other columns update it. Status: appointed (the default) or proposed; conferring a title is the office’s.',
    zh:
      '每项聘任一行。专家先按护照号码、再按电子邮箱、再按姓名的各种写法与已有人员匹配；匹配到的人员只关联，不修改；未匹配到的在聘任单位下新建。' +
      '系统中已有的聘任（同一专家、职衔、聘任单位和聘期开始日期）会被识别，其他列用于更新该聘任。状态：已聘任（默认）或拟聘；授予职衔由国际处办理。',
    fr:
      "Une ligne par nomination. L'expert est cherché parmi les personnes enregistrées par numéro de passeport, puis courriel, puis nom quelle que soit son écriture ; un expert trouvé est lié, non modifié ; un expert non trouvé est créé dans l'unité qui nomme. " +
      "Une nomination déjà enregistrée (même expert, titre, unité et premier jour) est reconnue : ses autres colonnes la mettent à jour. Statut : nommé (par défaut) ou proposé ; conférer un titre revient au bureau.",
  },
  columns: [
    ...personColumns({ foreign: true }),
    { field: 'title', label: { en: 'Title conferred', zh: '聘任职衔', fr: 'Titre conféré' }, aliases: ['appointment', 'honorary title', '职衔', '聘任职务', '聘任类别'], value: { is: 'choice', options: APPOINTMENT_TITLE_LABELS }, required: true },
    { field: 'unitId', label: { en: 'Appointing unit', zh: '聘任单位', fr: 'Unité qui nomme' }, aliases: ['unit', 'unité', 'department', '聘请单位', '院系', '所属部门'], value: { is: 'unit' }, required: true },
    { field: 'startDate', label: { en: 'Term from', zh: '聘期开始', fr: 'Début du mandat' }, aliases: ['from', 'start', 'start date', 'début', '聘任日期', '开始日期', '聘期起'], value: { is: 'date' }, required: true },
    { field: 'endDate', label: { en: 'Term until', zh: '聘期结束', fr: 'Fin du mandat' }, aliases: ['to', 'until', 'end', 'end date', 'fin', '结束日期', '聘期止', '截止日期'], value: { is: 'date' } },
    { field: 'status', label: { en: 'Status', zh: '状态', fr: 'Statut' }, aliases: ['état', '聘任状态'], value: { is: 'choice', options: Object.fromEntries(IMPORTED_APPOINTMENT_STATUSES.map((s) => [s, APPOINTMENT_STATUS_LABELS[s]])) }, default: 'appointed' },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

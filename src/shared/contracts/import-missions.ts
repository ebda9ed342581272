import type { ImportKind } from './imports.ts';
import { personColumns } from './import-person-columns.ts';
import { FUNDING_SOURCE_LABELS, MEMBER_ROLE_LABELS, MISSION_PURPOSE_LABELS, MISSION_STATUS_LABELS } from '../i18n/mission-labels.ts';

/** The statuses an imported mission may be in: the steps to it are taken as if in the app. */
const IMPORTED_MISSION_STATUSES = ['requested', 'approved', 'travelled', 'closed'] as const;

/**
 * Outbound missions with their members: one row per member. Rows with the same mission title
 * (English), sending unit, first day and last day are one mission, its members in the file's
 * order (the leader first); the mission's other columns are read from the first of its rows
 * that fills them.
 */
export const MISSION_IMPORT: ImportKind = {
  name: 'missions',
  one: { en: 'mission', zh: '出访团组', fr: 'mission' },
  entity: 'mission',
  guide: {
    en:
      'One row per member. Rows with the same mission title (English), sending unit, first day and last day are one mission; its members are in the order of the rows, the leader first. ' +
      "The mission's other columns (Chinese title, purpose, countries, host institutions, funding, approval number, invitation, status, report, notes) are taken from the first of its rows that fills them; the other rows may leave them empty. " +
      'Several countries or host institutions are separated by ; in one cell. ' +
      'A member is looked for among the people on file by passport number, then e-mail, then name however written (王振义, 王振義, Wang Zhenyi, WANG Zhen-yi); a member found is linked, not changed; a member not found is created in the sending unit. ' +
      'A mission already on file (same title, unit and days) is recognised and never entered twice. Status: travelled (the default) or closed counts the members in the figures; approved and later need the approval number; closed needs the report.',
    zh:
      '每位团员一行。团组名称（英文）、派出单位、出访日期和回国日期都相同的行属于同一个出访团组；团员按行的顺序排列，团长在前。' +
      '团组的其他列（中文名称、出访任务、出访国家（地区）、邀请单位、经费来源、批件号、邀请函、状态、总结、备注）取自该团组中第一行填写了该列的值，其他行可以留空。' +
      '多个国家或邀请单位在同一单元格内用 ; 分隔。' +
      '团员先按护照号码、再按电子邮箱、再按姓名的各种写法（王振义、王振義、Wang Zhenyi、WANG Zhen-yi）与已有人员匹配；匹配到的人员只关联，不修改；未匹配到的人员在派出单位下新建。' +
      '系统中已有的团组（名称、派出单位和日期相同）会被识别，不会重复录入。状态为“已出访”（默认）或“已结项”时计入统计；已批准及之后的状态须填写批件号；已结项须填写总结。',
    fr:
      "Une ligne par membre. Les lignes ayant le même titre de mission (anglais), la même unité d'envoi, le même premier et le même dernier jour forment une mission ; ses membres sont dans l'ordre des lignes, le chef de délégation en premier. " +
      "Les autres colonnes de la mission (titre chinois, objet, pays, établissements d'accueil, financement, numéro d'approbation, invitation, statut, rapport, notes) sont prises de la première de ses lignes qui les remplit ; les autres lignes peuvent les laisser vides. " +
      "Plusieurs pays ou établissements d'accueil sont séparés par ; dans une cellule. " +
      "Un membre est cherché parmi les personnes enregistrées par numéro de passeport, puis courriel, puis nom quelle que soit son écriture (王振义, 王振義, Wang Zhenyi, WANG Zhen-yi) ; un membre trouvé est lié, non modifié ; un membre non trouvé est créé dans l'unité d'envoi. " +
      "Une mission déjà enregistrée (même titre, unité et jours) est reconnue et jamais saisie deux fois. Statut : effectuée (par défaut) ou close compte les membres dans les chiffres ; approuvée et au-delà exigent le numéro d'approbation ; close exige le rapport.",
  },
  columns: [
    { field: 'titleEn', label: { en: 'Mission title (English)', zh: '团组名称（英文）', fr: 'Titre de la mission (anglais)' }, aliases: ['mission', 'mission title', 'delegation', 'title', 'délégation', '出访团组', '团组名称', '团组英文名称'], value: { is: 'text' }, required: true },
    { field: 'titleZh', label: { en: 'Mission title (Chinese)', zh: '团组名称（中文）', fr: 'Titre de la mission (chinois)' }, aliases: ['chinese title', '团组中文名称', '出访任务名称'], value: { is: 'text' } },
    { field: 'unitId', label: { en: 'Sending unit', zh: '派出单位', fr: "Unité d'envoi" }, aliases: ['unit', 'unité', 'department', '组团单位', '派出部门', '院系'], value: { is: 'unit' }, required: true },
    { field: 'purpose', label: { en: 'Purpose', zh: '出访任务', fr: 'Objet' }, aliases: ['objet de la mission', '出访目的', '任务类型', '出访性质'], value: { is: 'choice', options: MISSION_PURPOSE_LABELS }, default: 'other' },
    { field: 'startDate', label: { en: 'First day', zh: '出访日期', fr: 'Premier jour' }, aliases: ['from', 'start', 'start date', 'departure', 'du', 'départ', '出境日期', '出发日期', '开始日期'], value: { is: 'date' }, required: true },
    { field: 'endDate', label: { en: 'Last day', zh: '回国日期', fr: 'Dernier jour' }, aliases: ['to', 'end', 'end date', 'return', 'au', 'retour', '入境日期', '返回日期', '结束日期'], value: { is: 'date' }, required: true },
    { field: 'countries', label: { en: 'Countries or regions visited', zh: '出访国家（地区）', fr: 'Pays ou régions visités' }, aliases: ['countries', 'country', 'destination', 'destinations', 'pays', '出访国家', '前往国家', '国家/地区', '国家或地区'], value: { is: 'countries' } },
    { field: 'hostInstitutions', label: { en: 'Host institutions', zh: '邀请单位', fr: "Établissements d'accueil" }, aliases: ['host', 'host institution', 'inviting institution', 'accueil', '接待单位', '邀请机构', '外方单位'], value: { is: 'institutions' } },
    { field: 'fundingSource', label: { en: 'Funding', zh: '经费来源', fr: 'Financement' }, aliases: ['funding source', 'funded by', 'financé par', '经费'], value: { is: 'choice', options: FUNDING_SOURCE_LABELS }, default: 'school' },
    { field: 'approvalDocumentNo', label: { en: 'Approval number', zh: '批件号', fr: "Numéro d'approbation" }, aliases: ['approval', 'approval document', 'approbation', '批件号码', '任务批件号', '审批文号'], value: { is: 'text' } },
    { field: 'invitationReference', label: { en: 'Invitation', zh: '邀请函', fr: 'Invitation' }, aliases: ['invitation letter', "lettre d'invitation", '邀请信'], value: { is: 'text' } },
    { field: 'status', label: { en: 'Status', zh: '状态', fr: 'Statut' }, aliases: ['état', '团组状态'], value: { is: 'choice', options: Object.fromEntries(IMPORTED_MISSION_STATUSES.map((s) => [s, MISSION_STATUS_LABELS[s]])) }, default: 'travelled' },
    { field: 'report', label: { en: 'Report', zh: '出访总结', fr: 'Rapport' }, aliases: ['summary', 'compte rendu', '总结', '出访报告'], value: { is: 'text' } },
    { field: 'notes', label: { en: 'Mission notes', zh: '团组备注', fr: 'Notes de la mission' }, aliases: ['notes', 'remarks', 'remarques', '备注', '说明'], value: { is: 'text' } },
    ...personColumns({ foreign: false }),
    { field: 'role', label: { en: 'Role in the mission', zh: '团内身份', fr: 'Rôle dans la mission' }, aliases: ['role', 'rôle', '身份', '团内职务'], value: { is: 'choice', options: MEMBER_ROLE_LABELS }, default: 'member' },
  ],
};

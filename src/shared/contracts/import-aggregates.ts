import type { ImportKind, Labels } from './imports.ts';
import type { Direction, LedgerCategory, Who } from './ledger.ts';
import { LEDGER_CATEGORY_LABELS } from '../i18n/ledger-categories.ts';

const DIRECTION_LABELS: Record<Direction, Labels> = {
  inbound: { en: 'Inbound', zh: '来访', fr: 'Entrant' },
  outbound: { en: 'Outbound', zh: '出访', fr: 'Sortant' },
};

const WHO_LABELS: Record<Who, Labels> = {
  staff: { en: 'Staff', zh: '教职工', fr: 'Personnel' },
  student: { en: 'Students', zh: '学生', fr: 'Étudiants' },
  visitor: { en: 'Visitors', zh: '来宾', fr: 'Visiteurs' },
  expert: { en: 'Experts', zh: '专家', fr: 'Experts' },
};

/**
 * The ledger's aggregate rows (contract: AggregateInput): for the years before individual
 * records, one row per year, direction, people, purpose, country or region and unit, with its
 * count of person-times and the document the figure comes from. A year is stored as its whole
 * period (1 January – 31 December); people default by direction (visitors in, staff out).
 */
export const AGGREGATE_IMPORT: ImportKind = {
  name: 'aggregates',
  one: { en: 'ledger count', zh: '历年统计', fr: 'décompte' },
  entity: 'aggregate',
  guide: {
    en:
      'One row per count of person-times for a year with no individual records: year, direction (inbound or outbound), people (visitors in and staff out when empty), purpose (all purposes when empty), country or region, unit, count, and the document the figure comes from. ' +
      'A count on file for the same year, direction, people, purpose, country and unit is recognised: the row updates it, so the same file imported twice changes nothing.',
    zh:
      '每行为某一年份（尚无逐人记录的年份）的一项人次统计：年份、方向（来访或出访）、人员类别（为空时来访为来宾、出访为教职工）、目的（为空时为全部目的）、国家或地区、单位、人次，以及数据来源。' +
      '系统中已有的同一年份、方向、人员类别、目的、国家和单位的统计会被识别，该行将更新它，因此同一文件导入两次不会改变任何数据。',
    fr:
      "Une ligne par décompte de visites ou de déplacements pour une année sans dossiers individuels : année, sens (entrant ou sortant), personnes (visiteurs en entrée et personnel en sortie si vide), objet (tous objets si vide), pays ou région, unité, nombre, et le document d'où vient le chiffre. " +
      "Un décompte enregistré pour la même année, le même sens, les mêmes personnes, objet, pays et unité est reconnu : la ligne le met à jour, si bien qu'importer deux fois le même fichier ne change rien.",
  },
  columns: [
    { field: 'year', label: { en: 'Year', zh: '年份', fr: 'Année' }, aliases: ['年度', 'an'], value: { is: 'integer' }, required: true },
    { field: 'direction', label: { en: 'Direction', zh: '方向', fr: 'Sens' }, aliases: ['movement', 'kind of movement', 'mouvement', '类别', '出访/来访'], value: { is: 'choice', options: DIRECTION_LABELS }, required: true },
    { field: 'who', label: { en: 'People', zh: '人员类别', fr: 'Personnes' }, aliases: ['who', 'qui', '人员'], value: { is: 'choice', options: WHO_LABELS } },
    { field: 'category', label: { en: 'Purpose', zh: '目的', fr: 'Objet' }, aliases: ['category', 'catégorie', '任务类型', '性质'], value: { is: 'choice', options: LEDGER_CATEGORY_LABELS as Record<LedgerCategory, Labels> }, default: 'all_purposes' },
    { field: 'countryCode', label: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' }, aliases: ['country', 'pays', '国家', '国别', '国家/地区'], value: { is: 'country' } },
    { field: 'unitId', label: { en: 'Unit', zh: '单位', fr: 'Unité' }, aliases: ['unit', 'unité', 'department', '部门', '院系'], value: { is: 'unit' } },
    { field: 'count', label: { en: 'Person-times', zh: '人次', fr: 'Visites et déplacements' }, aliases: ['count', 'number', 'nombre', '数量', '人数'], value: { is: 'integer' }, required: true },
    { field: 'sourceDocument', label: { en: 'Source', zh: '数据来源', fr: 'Source' }, aliases: ['source document', 'document', '来源', '出处'], value: { is: 'text' }, required: true },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

import { DATE_PRECISION_LABELS, HONOUR_KIND_LABELS } from '../../../shared/i18n/honour-labels.ts';
import type { Catalogue, Triple } from './catalogue.ts';
import { fromLabels, prefixed } from './experts.ts';

/** The honour's fields, labelled the same in the form and in the record's history. */
const HONOUR_FIELDS = {
  personId: ['Holder', '获得者', 'Lauréat'],
  kind: ['Kind', '类别', 'Type'],
  nameOriginal: ['Name in its original language', '原文名称', 'Nom dans sa langue d’origine'],
  nameEn: ['Name in English', '英文名称', 'Nom en anglais'],
  nameZh: ['Name in Chinese', '中文名称', 'Nom en chinois'],
  nameFr: ['Name in French', '法文名称', 'Nom en français'],
  awardingInstitutionId: ['Awarding institution', '授予机构（机构库）', 'Établissement qui décerne'],
  awardingBody: ['Awarding body (as named at the time)', '授予机构（当时名称）', 'Organisme qui décerne (nom de l’époque)'],
  awardingBodyZh: ['Awarding body in Chinese', '授予机构中文名称', 'Organisme qui décerne, en chinois'],
  awardingBodyFr: ['Awarding body in French', '授予机构法文名称', 'Organisme qui décerne, en français'],
  countryCode: ['Country or region', '国家或地区', 'Pays ou région'],
  conferredOn: ['Conferred on', '授予日期', 'Décerné le'],
  datePrecision: ['Date known to the', '日期精确到', 'Date connue au'],
  citation: ['Citation and notes', '授奖词与备注', 'Citation et notes'],
  notable: ['Notable (on the office’s public page)', '重要荣誉（列入对外介绍）', 'Notable (sur la page publique du bureau)'],
  unitId: ['Unit', '所属单位', 'Composante'],
} satisfies Record<string, Triple>;

/** Honours from abroad: list, record, form, the card on a person's page. */
export const HONOURS = {
  ...prefixed('hon.field', HONOUR_FIELDS),
  // the history of an honour names its fields with these (audit-diff reads `<entity>.field.<name>`)
  ...prefixed('honour.field', HONOUR_FIELDS),
  ...fromLabels('honour.kind', HONOUR_KIND_LABELS),
  ...fromLabels('honour.precision', DATE_PRECISION_LABELS),
  'hon.add': ['Record an honour', '登记荣誉', 'Enregistrer une distinction'],
  'hon.newTitle': ['New honour', '新增国外荣誉', 'Nouvelle distinction'],
  'hon.searchPlaceholder': ['Holder or honour, in any language…', '获得者或荣誉名称（任意语言）…', 'Lauréat ou distinction, dans toute langue…'],
  'hon.allKinds': ['Every kind', '全部类别', 'Tous les types'],
  'hon.allCountries': ['Every country or region', '全部国家和地区', 'Tous les pays et régions'],
  'hon.notableFilter': ['Notable or not', '是否重要', 'Notables ou non'],
  'hon.notableOnly': ['Notable only', '仅重要荣誉', 'Notables seulement'],
  'hon.notNotable': ['Not notable', '非重要荣誉', 'Non notables'],
  'hon.fromYear': ['From year', '起始年份', 'De l’année'],
  'hon.toYear': ['to year', '截止年份', 'à l’année'],
  'hon.asOf': ['Conferred by {date}', '截至 {date} 已授予', 'Décernées au {date}'],
  'hon.honour': ['Honour', '荣誉', 'Distinction'],
  'hon.holder': ['Holder', '获得者', 'Lauréat'],
  'hon.conferred': ['Conferred', '授予时间', 'Décernée'],
  'hon.awardedBy': ['Awarded by', '授予机构', 'Décernée par'],
  'hon.notable': ['Notable', '重要', 'Notable'],
  'hon.deleteConfirm': ['Delete this honour? The audit log keeps what it was.', '删除该荣誉记录？审计日志会保留其内容。', 'Supprimer cette distinction ? Le journal d’audit en garde la trace.'],
  'hon.personHonours': ['Honours from abroad', '获得的国外荣誉', 'Distinctions reçues de l’étranger'],
  'hon.personNone': ['No honour from abroad recorded.', '尚无国外荣誉记录。', 'Aucune distinction de l’étranger enregistrée.'],
  'hon.addForPerson': ['Record an honour', '登记荣誉', 'Enregistrer une distinction'],
  'hon.bodyHint': [
    'Pick the institution when it is one we know; write the body as it was named at the time (Université Paris V), or a body that is not an institution (a government, a society).',
    '若授予机构已在机构库中请选择；并可填写授予时的机构名称（如巴黎第五大学），或非机构类授予方（政府、学会）。',
    'Choisissez l’établissement s’il est connu ; écrivez l’organisme tel qu’il s’appelait alors (Université Paris V), ou un organisme qui n’est pas un établissement (un gouvernement, une société savante).',
  ],
  'hon.dateHint': [
    'Known only by its year: choose “Year only” and 1 January of that year.',
    '仅知年份时：选择“仅年份”，日期填该年 1 月 1 日。',
    'Connue seulement par son année : choisissez « Année seulement » et le 1er janvier de cette année.',
  ],
  'hon.unitHint': ['Empty: the holder’s unit.', '留空即为获得者所在单位。', 'Vide : la composante du lauréat.'],
  'hon.exportCsv': ['CSV', 'CSV', 'CSV'],
  'hon.exportXlsx': ['Excel', 'Excel', 'Excel'],
} satisfies Catalogue;

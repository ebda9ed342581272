import type { ImportKind } from './imports.ts';
import { personColumns } from './import-person-columns.ts';
import { HONOUR_KIND_LABELS } from '../i18n/honour-labels.ts';

const YES_NO = {
  true: { en: 'Yes', zh: '是', fr: 'Oui' },
  false: { en: 'No', zh: '否', fr: 'Non' },
} as const;

/**
 * Honours received by our people (contract: HonourInput; the honour's names are honourEn/Zh/Fr,
 * the recipient's are the person's columns), one row each: the recipient named as
 * a person (found on file, or created), the honour, the awarding body and when it was conferred
 * (a day, a month or only a year).
 */
export const HONOUR_IMPORT: ImportKind = {
  name: 'honours',
  one: { en: 'honour', zh: '荣誉', fr: 'distinction' },
  entity: 'honour',
  guide: {
    en:
      'One row per honour. The recipient is looked for among the people on file by passport number, then e-mail, then name however written; a recipient found is linked, not changed; one not found is created in the row’s unit. ' +
      'Conferred: a day (2019-03-05), a month (2019-03, 2019年3月) or only a year (2019). The awarding body is an institution on file by any of its names, or written as text. ' +
      'An honour on file (same recipient, English name and date) is recognised: the row updates it.',
    zh:
      '每项荣誉一行。获得者先按护照号码、再按电子邮箱、再按姓名的各种写法与已有人员匹配；匹配到的人员只关联，不修改；未匹配到的在该行的单位下新建。' +
      '授予时间可以是某日（2019-03-05）、某月（2019-03、2019年3月）或仅年份（2019）。授予机构可填写系统中已有机构的任一名称，或直接填写文字。' +
      '系统中已有的荣誉（同一获得者、英文名称和时间）会被识别，该行将更新它。',
    fr:
      "Une ligne par distinction. Le lauréat est cherché parmi les personnes enregistrées par numéro de passeport, puis courriel, puis nom quelle que soit son écriture ; un lauréat trouvé est lié, non modifié ; un lauréat non trouvé est créé dans l'unité de la ligne. " +
      "Décerné : un jour (2019-03-05), un mois (2019-03, 2019年3月) ou seulement une année (2019). L'organisme est un établissement enregistré, par l'un de ses noms, ou écrit en toutes lettres. " +
      'Une distinction déjà enregistrée (même lauréat, nom anglais et date) est reconnue : la ligne la met à jour.',
  },
  columns: [
    ...personColumns({ foreign: false }),
    { field: 'kind', label: { en: 'Kind of honour', zh: '荣誉类别', fr: 'Type de distinction' }, aliases: ['kind', 'type', 'category', '类别', '类型'], value: { is: 'choice', options: HONOUR_KIND_LABELS }, required: true },
    { field: 'honourEn', label: { en: 'Honour (English)', zh: '荣誉名称（英文）', fr: 'Distinction (anglais)' }, aliases: ['honour', 'honor', 'award', 'distinction', '荣誉英文名称'], value: { is: 'text' }, required: true },
    { field: 'honourZh', label: { en: 'Honour (Chinese)', zh: '荣誉名称（中文）', fr: 'Distinction (chinois)' }, aliases: ['荣誉名称', '荣誉', '奖项名称'], value: { is: 'text' } },
    { field: 'honourFr', label: { en: 'Honour (French)', zh: '荣誉名称（法文）', fr: 'Distinction (français)' }, value: { is: 'text' } },
    { field: 'nameOriginal', label: { en: 'Name in the original', zh: '原文名称', fr: "Nom d'origine" }, aliases: ['original name', 'nom original'], value: { is: 'text' } },
    { field: 'awardingInstitutionId', label: { en: 'Awarding institution', zh: '授予机构（已有机构）', fr: 'Établissement qui décerne' }, aliases: ['awarding institution', 'institution'], value: { is: 'institution' } },
    { field: 'awardingBody', label: { en: 'Awarding body', zh: '授予机构', fr: 'Organisme qui décerne' }, aliases: ['awarded by', 'décerné par', '授予单位', '颁发机构'], value: { is: 'text' } },
    { field: 'countryCode', label: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' }, aliases: ['country', 'pays', '国家', '国别', '国家/地区'], value: { is: 'country' } },
    { field: 'conferred', label: { en: 'Conferred', zh: '授予时间', fr: 'Décerné le' }, aliases: ['year', 'date', 'conferred on', 'année', '年份', '授予日期', '获得时间', '获奖时间'], value: { is: 'partial-date' }, required: true },
    { field: 'citation', label: { en: 'Citation', zh: '授奖词', fr: 'Citation' }, aliases: ['reason', '获奖理由'], value: { is: 'text' } },
    { field: 'notable', label: { en: 'Notable', zh: '重要荣誉', fr: 'Notable' }, aliases: ['important', '重要'], value: { is: 'choice', options: YES_NO } },
    { field: 'unitId', label: { en: 'Unit', zh: '所属单位', fr: 'Unité' }, aliases: ['unit', 'unité', 'department', '部门', '院系', '单位'], value: { is: 'unit' } },
  ],
};

import type { Locale } from '../contracts/common.ts';
import { VISIT_PURPOSES, type ProtocolLevel, type VisitPurpose, type VisitStatus } from '../contracts/visits.ts';
import { LEDGER_CATEGORY_LABELS } from './ledger-categories.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The workflow's statuses as the office names them. */
export const VISIT_STATUS_LABELS: Labels<VisitStatus> = {
  requested: { en: 'Invitation requested', zh: '已申请邀请', fr: 'Invitation demandée' },
  approved: { en: 'Approved', zh: '已批准', fr: 'Approuvée' },
  rejected: { en: 'Rejected', zh: '未批准', fr: 'Refusée' },
  held: { en: 'Held', zh: '已接待', fr: 'Effectuée' },
  closed: { en: 'Closed (report filed)', zh: '已结项（已提交总结）', fr: 'Close (compte rendu remis)' },
  cancelled: { en: 'Cancelled', zh: '已取消', fr: 'Annulée' },
};

/** Purposes of a visit: the ledger's words for the same categories, so that a visit and its person-times read alike. */
export const VISIT_PURPOSE_LABELS: Labels<VisitPurpose> = Object.fromEntries(
  VISIT_PURPOSES.map((purpose) => [purpose, LEDGER_CATEGORY_LABELS[purpose]]),
) as Labels<VisitPurpose>;

/** Protocol levels of the most senior visitor, highest first. */
export const PROTOCOL_LEVEL_LABELS: Labels<ProtocolLevel> = {
  head_of_state_or_government: { en: 'Head of state or government', zh: '国家元首或政府首脑', fr: 'Chef d’État ou de gouvernement' },
  minister: { en: 'Minister', zh: '部长级', fr: 'Ministre' },
  ambassador: { en: 'Ambassador', zh: '大使级', fr: 'Ambassadeur' },
  university_president: { en: 'University president', zh: '大学校长', fr: 'Président d’université' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** Column headings of the overdue-reports export. */
export const OVERDUE_REPORT_HEADINGS: Labels<'unit' | 'visit' | 'startDate' | 'endDate' | 'reportDueOn' | 'daysOverdue' | 'personTimes'> = {
  unit: { en: 'Host unit', zh: '接待单位', fr: 'Unité d’accueil' },
  visit: { en: 'Visit', zh: '来访', fr: 'Visite' },
  startDate: { en: 'From', zh: '开始日期', fr: 'Du' },
  endDate: { en: 'To', zh: '结束日期', fr: 'Au' },
  reportDueOn: { en: 'Report due', zh: '总结截止日期', fr: 'Compte rendu attendu le' },
  daysOverdue: { en: 'Days overdue', zh: '逾期天数', fr: 'Jours de retard' },
  personTimes: { en: 'Person-times', zh: '人次', fr: 'Visites reçues' },
};

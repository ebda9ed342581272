import type { Locale } from '../contracts/common.ts';
import { MISSION_PURPOSES, type FundingSource, type MemberRole, type MissionPurpose, type MissionStatus } from '../contracts/missions.ts';
import { LEDGER_CATEGORY_LABELS } from './ledger-categories.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The workflow's statuses as the office names them (因公出国/境). */
export const MISSION_STATUS_LABELS: Labels<MissionStatus> = {
  requested: { en: 'Requested', zh: '已申请', fr: 'Demandée' },
  approved: { en: 'Approved', zh: '已批准', fr: 'Approuvée' },
  rejected: { en: 'Rejected', zh: '未批准', fr: 'Refusée' },
  travelled: { en: 'Travelled', zh: '已出访', fr: 'Effectuée' },
  closed: { en: 'Closed (report filed)', zh: '已结项（已提交总结）', fr: 'Close (rapport remis)' },
  cancelled: { en: 'Cancelled', zh: '已取消', fr: 'Annulée' },
};

/** Purposes of a mission: the ledger's words for the same categories, so that a mission and its person-times read alike. */
export const MISSION_PURPOSE_LABELS: Labels<MissionPurpose> = Object.fromEntries(
  MISSION_PURPOSES.map((purpose) => [purpose, LEDGER_CATEGORY_LABELS[purpose]]),
) as Labels<MissionPurpose>;

/** Who pays. */
export const FUNDING_SOURCE_LABELS: Labels<FundingSource> = {
  school: { en: 'School funds', zh: '学校经费', fr: 'Fonds de l’école' },
  research_grant: { en: 'Research grant', zh: '科研经费', fr: 'Crédits de recherche' },
  government: { en: 'Government scholarship or programme', zh: '国家公派或政府项目', fr: 'Bourse ou programme public' },
  host: { en: 'Paid by the host', zh: '邀请方资助', fr: 'Pris en charge par l’hôte' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** A member's part in the mission. */
export const MEMBER_ROLE_LABELS: Labels<MemberRole> = {
  leader: { en: 'Leader', zh: '团长', fr: 'Chef de délégation' },
  member: { en: 'Member', zh: '团员', fr: 'Membre' },
  interpreter: { en: 'Interpreter', zh: '翻译', fr: 'Interprète' },
  secretary: { en: 'Secretary', zh: '秘书', fr: 'Secrétaire' },
};

/** Column headings of the missions export and of the overdue-reports export. */
export const MISSION_HEADINGS: Labels<
  | 'unit'
  | 'mission'
  | 'purpose'
  | 'destinations'
  | 'members'
  | 'startDate'
  | 'endDate'
  | 'status'
  | 'fundingSource'
  | 'approvalDocumentNo'
  | 'reportDueOn'
  | 'daysOverdue'
  | 'personTimes'
> = {
  unit: { en: 'Unit', zh: '派出单位', fr: 'Unité' },
  mission: { en: 'Mission', zh: '出访团组', fr: 'Mission' },
  purpose: { en: 'Purpose', zh: '出访任务', fr: 'Motif' },
  destinations: { en: 'Destinations', zh: '出访国家（地区）', fr: 'Destinations' },
  members: { en: 'Members', zh: '团组成员', fr: 'Membres' },
  startDate: { en: 'From', zh: '出发日期', fr: 'Du' },
  endDate: { en: 'To', zh: '返回日期', fr: 'Au' },
  status: { en: 'Status', zh: '状态', fr: 'Statut' },
  fundingSource: { en: 'Funding', zh: '经费来源', fr: 'Financement' },
  approvalDocumentNo: { en: 'Approval no.', zh: '批件号', fr: 'N° d’autorisation' },
  reportDueOn: { en: 'Report due', zh: '总结截止日期', fr: 'Rapport attendu le' },
  daysOverdue: { en: 'Days overdue', zh: '逾期天数', fr: 'Jours de retard' },
  personTimes: { en: 'Person-times', zh: '人次', fr: 'Déplacements' },
};

/** The export's sheet titles. */
export const MISSION_EXPORT_TITLES: Labels<'missions' | 'overdue'> = {
  missions: { en: 'Outbound missions', zh: '因公出访团组', fr: 'Missions à l’étranger' },
  overdue: { en: 'Overdue mission reports', zh: '逾期未交出访总结', fr: 'Rapports de mission en retard' },
};

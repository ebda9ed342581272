import type { Locale } from '../contracts/common.ts';
import type { AgreementKind, AgreementLevel, AgreementStatus, STAFF_MOBILITIES, STUDENT_MOBILITIES } from '../contracts/agreements.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Agreement levels as the office names them. */
export const AGREEMENT_LEVEL_LABELS: Labels<AgreementLevel> = {
  institutional: { en: 'Institutional (university)', zh: '校级', fr: 'Institutionnel (université)' },
  collegiate: { en: 'Collegiate (school, department, hospital)', zh: '院级', fr: 'Facultaire (école, département, hôpital)' },
};

/** Agreement kinds. */
export const AGREEMENT_KIND_LABELS: Labels<AgreementKind> = {
  comprehensive: { en: 'Comprehensive cooperation / MoU', zh: '全面合作协议 / 谅解备忘录', fr: 'Accord-cadre / protocole d’entente' },
  student_exchange: { en: 'Student exchange', zh: '学生交流', fr: 'Échange d’étudiants' },
  staff_exchange: { en: 'Staff exchange', zh: '教职工交流', fr: 'Échange de personnel' },
  joint_research: { en: 'Joint research', zh: '合作研究', fr: 'Recherche conjointe' },
  joint_programme: { en: 'Joint programme', zh: '联合培养项目', fr: 'Programme conjoint' },
  working_arrangement: { en: 'Working arrangement (international organization)', zh: '工作安排（国际组织）', fr: 'Arrangement de travail (organisation internationale)' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** Lifecycle statuses. */
export const AGREEMENT_STATUS_LABELS: Labels<AgreementStatus> = {
  draft: { en: 'Draft', zh: '草拟', fr: 'Brouillon' },
  under_review: { en: 'Under review', zh: '审核中', fr: 'En examen' },
  approved: { en: 'Approved', zh: '已批准', fr: 'Approuvé' },
  signed: { en: 'Signed', zh: '已签署', fr: 'Signé' },
  active: { en: 'Active', zh: '生效中', fr: 'En vigueur' },
  expired: { en: 'Expired', zh: '已到期', fr: 'Expiré' },
  terminated: { en: 'Terminated', zh: '已终止', fr: 'Résilié' },
};

/** Column headings of the renewal watch export. */
export const RENEWAL_WATCH_HEADINGS: Labels<'title' | 'partners' | 'countries' | 'level' | 'kind' | 'status' | 'termEndsOn' | 'autoRenewal' | 'unit'> = {
  title: { en: 'Agreement', zh: '协议', fr: 'Accord' },
  partners: { en: 'Partners', zh: '合作方', fr: 'Partenaires' },
  countries: { en: 'Countries and regions', zh: '国家和地区', fr: 'Pays et régions' },
  level: { en: 'Level', zh: '层级', fr: 'Niveau' },
  kind: { en: 'Kind', zh: '类型', fr: 'Type' },
  status: { en: 'Status', zh: '状态', fr: 'Statut' },
  termEndsOn: { en: 'Term ends', zh: '期满日期', fr: 'Fin de la période' },
  autoRenewal: { en: 'Renews automatically', zh: '自动续约', fr: 'Reconduction tacite' },
  unit: { en: 'Our unit', zh: '我方单位', fr: 'Notre unité' },
};

/** What the student places are for (EWP's student mobility for studies or for traineeships). */
export const STUDENT_MOBILITY_LABELS: Labels<(typeof STUDENT_MOBILITIES)[number]> = {
  studies: { en: 'Studies', zh: '学习', fr: 'Études' },
  traineeship: { en: 'Traineeships (clinical placements, internships)', zh: '实习（临床实习等）', fr: 'Stages (stages cliniques, etc.)' },
};

/** What the staff places are for (EWP's staff mobility for teaching or for training). */
export const STAFF_MOBILITY_LABELS: Labels<(typeof STAFF_MOBILITIES)[number]> = {
  teaching: { en: 'Teaching', zh: '授课', fr: 'Enseignement' },
  training: { en: 'Training', zh: '培训', fr: 'Formation' },
};

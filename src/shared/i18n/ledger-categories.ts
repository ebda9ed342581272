import type { Locale } from '../contracts/common.ts';
import type { LedgerCategory } from '../contracts/ledger.ts';

/** The purposes of person-times, as the office writes them in each language. */
export const LEDGER_CATEGORY_LABELS: Record<LedgerCategory, Record<Locale, string>> = {
  conference: { en: 'International conference', zh: '参加国际会议', fr: 'Congrès international' },
  friendly_visit: { en: 'Friendly visit', zh: '友好访问', fr: 'Visite d’amitié' },
  investigation_tour: { en: 'Tour of investigation', zh: '考察', fr: 'Mission d’étude' },
  advanced_study: { en: 'Advanced study', zh: '进修', fr: 'Formation avancée' },
  lecturing: { en: 'Lecturing', zh: '讲学', fr: 'Enseignement' },
  joint_research: { en: 'Joint research', zh: '合作研究', fr: 'Recherche conjointe' },
  academic_exchange: { en: 'Academic exchange', zh: '学术交流', fr: 'Échange académique' },
  courtesy_visit: { en: 'Courtesy visit', zh: '礼节性拜访', fr: 'Visite de courtoisie' },
  negotiation_signing: { en: 'Negotiation and signing', zh: '洽谈签约', fr: 'Négociation et signature' },
  inspection: { en: 'Inspection', zh: '视察', fr: 'Inspection' },
  short_term_training: { en: 'Short-term training', zh: '短期培训', fr: 'Formation de courte durée' },
  joint_graduate_programme: { en: 'Joint graduate programme', zh: '联合培养研究生', fr: 'Programme de master/doctorat conjoint' },
  semester_exchange: { en: 'Semester exchange', zh: '学期交换', fr: 'Échange semestriel' },
  degree_study: { en: 'Degree study', zh: '攻读学位', fr: 'Études diplômantes' },
  residency: { en: 'Residency', zh: '住院医师培训', fr: 'Internat (résidence)' },
  all_purposes: { en: 'All purposes', zh: '各类事由', fr: 'Tous motifs' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** The label of a category in a language; unknown codes show as themselves. */
export function ledgerCategoryLabel(category: string, locale: Locale): string {
  return LEDGER_CATEGORY_LABELS[category as LedgerCategory]?.[locale] ?? category;
}

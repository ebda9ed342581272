import type { AgreementKind } from '../shared/contracts/agreements.ts';
import type { Texts } from './demo-agreements-data.ts';

/** A party to an agreement as its title names it, in each language. */
export interface PartyNames {
  en: string;
  zh: string;
  /** Null when the party has no French name: the agreement then has no French title. */
  fr: string | null;
}

const SCHOOL: PartyNames = {
  en: 'Shanghai Jiao Tong University School of Medicine',
  zh: '上海交通大学医学院',
  fr: 'la Faculté de médecine de l’Université Jiao Tong de Shanghai',
};

/** French names take their article in a title: "entre l’Université … et …", but "Sorbonne Université" stands alone. */
export function withArticle(nameFr: string): string {
  if (/^(Université|Institut|École|Hôpital)\b/.test(nameFr)) return `l’${nameFr}`;
  if (/^(Département|Centre|Neuvième)\b/.test(nameFr)) return `le ${nameFr}`;
  return nameFr;
}

/** Our side of an agreement: the school, or one of its units (a collegiate agreement). */
export function ourParty(unit: { kind: string; nameEn: string; nameZh: string; nameFr?: string | null } | null): PartyNames {
  if (!unit) return SCHOOL;
  // The affiliated hospitals are written 上海交通大学医学院附属…; an institute goes by its own name.
  const zh = unit.kind === 'hospital' ? `${SCHOOL.zh}附属${unit.nameZh}` : unit.kind === 'institute' ? unit.nameZh : `${SCHOOL.zh}${unit.nameZh}`;
  return { en: `${unit.nameEn}, ${SCHOOL.en}`, zh, fr: unit.nameFr ? `${withArticle(unit.nameFr)} (Université Jiao Tong de Shanghai)` : null };
}

const EN: Record<AgreementKind, (t: string) => string> = {
  comprehensive: () => 'Memorandum of Understanding on Comprehensive Cooperation',
  student_exchange: () => 'Student Exchange Agreement',
  staff_exchange: () => 'Faculty and Staff Exchange Agreement',
  joint_research: (t) => `Joint Research Agreement in ${t}`,
  joint_programme: () => 'Joint Programme Agreement',
  working_arrangement: () => 'Working Arrangement',
  other: () => 'Cooperation Agreement',
};
const ZH: Record<AgreementKind, (t: string) => string> = {
  comprehensive: () => '全面合作谅解备忘录',
  student_exchange: () => '学生交流协议',
  staff_exchange: () => '教师与人员交流协议',
  joint_research: (t) => `${t}联合研究协议`,
  joint_programme: () => '联合培养项目协议',
  working_arrangement: () => '工作合作安排',
  other: () => '合作协议',
};
const FR: Record<AgreementKind, (t: string) => string> = {
  comprehensive: () => 'Protocole d’accord de coopération',
  student_exchange: () => 'Accord d’échange d’étudiants',
  staff_exchange: () => 'Accord d’échange d’enseignants et de personnels',
  joint_research: (t) => `Accord de recherche conjointe en ${t}`,
  joint_programme: () => 'Convention de programme conjoint',
  working_arrangement: () => 'Arrangement de travail',
  other: () => 'Accord de coopération',
};

/**
 * The title of an agreement in English and Chinese, and in French when the partner has a
 * French name (the French and francophone partners): "Student Exchange Agreement between
 * … and …", "…与…学生交流协议", "Accord d’échange d’étudiants entre … et …".
 */
export function agreementTitle(kind: AgreementKind, ours: PartyNames, theirs: PartyNames, topic?: Texts): Texts {
  const fr = theirs.fr && ours.fr && (kind !== 'joint_research' || topic?.fr) ? `${FR[kind](topic?.fr ?? '')} entre ${ours.fr} et ${theirs.fr}` : undefined;
  return {
    en: `${EN[kind](topic?.en ?? '')} between ${ours.en} and ${theirs.en}`,
    zh: `${ours.zh}与${theirs.zh}${ZH[kind](topic?.zh ?? '')}`,
    ...(fr ? { fr } : {}),
  };
}

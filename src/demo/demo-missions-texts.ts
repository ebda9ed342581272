import type { MissionPurpose } from '../shared/contracts/missions.ts';

/** An international congress our staff attend, where it usually meets, and its Chinese name. */
export interface Congress {
  nameEn: string;
  nameZh: string;
  country: string;
}

/** Congresses of the school's fields (hematology, oncology, cardiology, pediatrics, nursing, public health …). */
export const CONGRESSES: readonly Congress[] = [
  { nameEn: 'ASH Annual Meeting', nameZh: '美国血液学会年会', country: 'US' },
  { nameEn: 'ASCO Annual Meeting', nameZh: '美国临床肿瘤学会年会', country: 'US' },
  { nameEn: 'AACR Annual Meeting', nameZh: '美国癌症研究协会年会', country: 'US' },
  { nameEn: 'Digestive Disease Week', nameZh: '美国消化疾病周', country: 'US' },
  { nameEn: 'AHA Scientific Sessions', nameZh: '美国心脏协会科学年会', country: 'US' },
  { nameEn: 'EHA Congress', nameZh: '欧洲血液学协会年会', country: 'ES' },
  { nameEn: 'ESMO Congress', nameZh: '欧洲肿瘤内科学会年会', country: 'ES' },
  { nameEn: 'ESC Congress', nameZh: '欧洲心脏病学会年会', country: 'NL' },
  { nameEn: 'ERS International Congress', nameZh: '欧洲呼吸学会年会', country: 'AT' },
  { nameEn: 'Congrès français de pédiatrie', nameZh: '法国儿科学大会', country: 'FR' },
  { nameEn: 'Journées de l’Hôpital Saint-Louis', nameZh: '巴黎圣路易医院学术日', country: 'FR' },
  { nameEn: 'Annual Meeting of the Japanese Society of Hematology', nameZh: '日本血液学会年会', country: 'JP' },
  { nameEn: 'Asian Pacific Digestive Week', nameZh: '亚太消化疾病周', country: 'JP' },
  { nameEn: 'Asia-Pacific Congress of Cardiology', nameZh: '亚太心脏病学大会', country: 'SG' },
  { nameEn: 'ICN Congress', nameZh: '国际护士理事会大会', country: 'CA' },
  { nameEn: 'World Congress of Epidemiology', nameZh: '世界流行病学大会', country: 'AU' },
  { nameEn: 'Hong Kong International Cancer Congress', nameZh: '香港国际癌症大会', country: 'HK' },
  { nameEn: 'KSC Annual Scientific Meeting', nameZh: '韩国心脏病学会年会', country: 'KR' },
];

/** How a mission to an institution is titled: "Friendly visit to …" / "赴…友好访问". */
export const PURPOSE_TITLES: Record<Exclude<MissionPurpose, 'conference'>, { en: string; zh: string }> = {
  friendly_visit: { en: 'Friendly visit to', zh: '友好访问' },
  investigation_tour: { en: 'Tour of investigation at', zh: '考察' },
  advanced_study: { en: 'Advanced study at', zh: '进修' },
  lecturing: { en: 'Lectures at', zh: '讲学' },
  joint_research: { en: 'Joint research with', zh: '开展合作研究' },
  other: { en: 'Working visit to', zh: '工作访问' },
};

/** What a mission was for, in the office's proportions since 2020 (most go to a congress). */
export const MISSION_PURPOSE_WEIGHTS: ReadonlyArray<readonly [MissionPurpose, number]> = [
  ['conference', 40], ['friendly_visit', 10], ['investigation_tour', 12], ['advanced_study', 9], ['lecturing', 9], ['joint_research', 16], ['other', 4],
];

/** How long each kind of mission lasts, in days. */
export const DURATIONS: Record<MissionPurpose, readonly [number, number]> = {
  conference: [4, 7],
  friendly_visit: [5, 9],
  investigation_tour: [7, 15],
  advanced_study: [90, 365],
  lecturing: [5, 12],
  joint_research: [14, 90],
  other: [4, 8],
};

/** The report on return, as the office files it. */
export function reportText(titleZh: string, titleEn: string): string {
  return `${titleZh}出访总结：按批准的日程完成出访任务，交流内容、成果及后续合作建议如下。\nReport on return — ${titleEn}: the programme was carried out as approved; exchanges, outcomes and proposals for further cooperation follow.`;
}

/** Our staff's titles, as their records give them. */
export const STAFF_TITLES: ReadonlyArray<readonly [string, number]> = [
  ['Professor', 30], ['Associate Professor', 20], ['Chief Physician', 18], ['Associate Chief Physician', 14], ['Attending Physician', 8], ['Lecturer', 5], ['Head Nurse', 3], ['Research Fellow', 2],
];

/** How many of our staff each unit sends abroad (its share of the missions follows). */
export const STAFF_PER_UNIT: ReadonlyArray<readonly [string, number]> = [
  ['RUIJIN', 10], ['RUIJIN-HEMA', 5], ['RENJI', 8], ['XINHUA', 7], ['NINTH', 6], ['SCMC', 5], ['BASIC', 5], ['BASIC-PATHO', 3], ['SPH', 4], ['NURSING', 3], ['IO', 2],
];

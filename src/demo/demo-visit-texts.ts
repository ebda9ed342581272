import type { VisitPurpose } from '../shared/contracts/visits.ts';
import type { Rng } from './demo-random.ts';

/** Two texts of one title, field or name: English and Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** The fields each of our units receives visitors in, for the visits' titles. */
export const UNIT_FIELDS: Record<string, readonly Bilingual[]> = {
  SJTUSM: [{ en: 'medical education', zh: '医学教育' }, { en: 'graduate training', zh: '研究生培养' }, { en: 'clinical research', zh: '临床研究' }],
  IO: [{ en: 'international cooperation', zh: '国际合作' }],
  BASIC: [{ en: 'molecular medicine', zh: '分子医学' }, { en: 'immunology', zh: '免疫学' }, { en: 'neuroscience', zh: '神经科学' }, { en: 'anatomy teaching', zh: '解剖学教学' }],
  'BASIC-PATHO': [{ en: 'pathophysiology', zh: '病理生理学' }, { en: 'cancer biology', zh: '肿瘤生物学' }],
  SPH: [{ en: 'public health', zh: '公共卫生' }, { en: 'epidemiology', zh: '流行病学' }, { en: 'health policy', zh: '卫生政策' }, { en: 'global health', zh: '全球健康' }],
  NURSING: [{ en: 'nursing education', zh: '护理教育' }, { en: 'clinical nursing', zh: '临床护理' }, { en: 'geriatric care', zh: '老年护理' }],
  RUIJIN: [{ en: 'endocrinology', zh: '内分泌学' }, { en: 'digestive surgery', zh: '消化外科' }, { en: 'burn care', zh: '烧伤救治' }, { en: 'cardiology', zh: '心血管病学' }],
  'RUIJIN-HEMA': [{ en: 'haematology', zh: '血液学' }, { en: 'leukaemia research', zh: '白血病研究' }],
  RENJI: [{ en: 'gastroenterology', zh: '消化内科' }, { en: 'rheumatology', zh: '风湿病学' }, { en: 'reproductive medicine', zh: '生殖医学' }, { en: 'liver transplantation', zh: '肝移植' }],
  XINHUA: [{ en: 'paediatrics', zh: '儿科学' }, { en: 'neonatology', zh: '新生儿医学' }, { en: 'developmental paediatrics', zh: '发育儿科学' }],
  NINTH: [{ en: 'plastic surgery', zh: '整形外科' }, { en: 'oral and maxillofacial surgery', zh: '口腔颌面外科' }, { en: 'tissue engineering', zh: '组织工程' }],
  SCMC: [{ en: 'paediatric cardiology', zh: '小儿心脏病学' }, { en: 'paediatric oncology', zh: '儿童肿瘤' }],
};

/** A unit's name after "visit to": "the School of Public Health", but "Ruijin Hospital". */
function place(unit: string): string {
  return /^(School|Department|Office|Shanghai)/.test(unit) ? `the ${unit}` : unit;
}

/** Nationalities as an English title writes them ("the Japanese medical delegation"). */
export const ADJECTIVES: Record<string, string> = {
  FR: 'French', US: 'American', JP: 'Japanese', DE: 'German', GB: 'British', CA: 'Canadian', AU: 'Australian', KR: 'Korean',
  HK: 'Hong Kong', TW: 'Taiwan', SG: 'Singaporean', SE: 'Swedish', NL: 'Dutch', CH: 'Swiss', IT: 'Italian', BE: 'Belgian',
  HU: 'Hungarian', FI: 'Finnish', NO: 'Norwegian', DK: 'Danish',
};

/** A person's title in Chinese, for visit titles ("佐藤浩教授"). */
const TITLES_ZH: Record<string, string> = {
  Professor: '教授',
  'Professor Emeritus': '荣誉教授',
  'Associate Professor': '副教授',
  Dr: '博士',
  President: '校长',
  Dean: '院长',
};

/** Who the visitors are, as a title names them: a delegation of an institution or of a country, or one person. */
export type Visitors = { kind: 'delegation'; from: Bilingual } | { kind: 'person'; name: Bilingual; title: string | null; from: Bilingual | null };

/** The visit's title in English and Chinese, from what it is for and who comes. */
export function visitTitle(purpose: VisitPurpose, visitors: Visitors, field: Bilingual, unit: Bilingual): Bilingual {
  if (visitors.kind === 'person') {
    // Only an honorific goes before the name ("Professor Jean Dupont"); an office is left to the record.
    const honorific = visitors.title && TITLES_ZH[visitors.title] ? visitors.title : null;
    const who = honorific ? `${honorific} ${visitors.name.en}` : visitors.name.en;
    const whoZh = `${visitors.from ? visitors.from.zh : ''}${visitors.name.zh}${honorific ? TITLES_ZH[honorific] : ''}`;
    const of = visitors.from ? ` (${visitors.from.en})` : '';
    if (purpose === 'lecturing') return { en: `Lectures on ${field.en} by ${who}${of}`, zh: `${whoZh}${field.zh}系列讲座` };
    if (purpose === 'inspection') return { en: `Visit of ${who}${of} to ${place(unit.en)}`, zh: `${whoZh}参观考察${unit.zh}` };
    if (purpose === 'courtesy_visit') return { en: `Courtesy visit of ${who}${of}`, zh: `${whoZh}礼节性拜访` };
    if (purpose === 'negotiation_signing') return { en: `${who}${of}: talks on the cooperation agreement`, zh: `${whoZh}来访商谈合作协议` };
    return { en: `Academic visit of ${who}${of}: ${field.en}`, zh: `${whoZh}来访（${field.zh}学术交流）` };
  }
  const from = visitors.from;
  switch (purpose) {
    case 'courtesy_visit':
      return { en: `Courtesy visit of the ${from.en} delegation`, zh: `${from.zh}代表团礼节性拜访` };
    case 'negotiation_signing':
      return { en: `${from.en} delegation: talks on the cooperation agreement`, zh: `${from.zh}代表团来访商谈合作协议` };
    case 'inspection':
      return { en: `${from.en} delegation: visit to ${place(unit.en)}`, zh: `${from.zh}代表团参观考察${unit.zh}` };
    case 'lecturing':
      return { en: `${from.en} delegation: lectures and seminars in ${field.en}`, zh: `${from.zh}代表团来访讲学（${field.zh}）` };
    case 'other':
      return { en: `${from.en} delegation: meeting with alumni`, zh: `${from.zh}代表团来访（校友交流）` };
    default:
      return { en: `${from.en} delegation: academic exchange in ${field.en}`, zh: `${from.zh}代表团来访（${field.zh}学术交流）` };
  }
}

const REPORTS: Record<VisitPurpose, readonly string[]> = {
  academic_exchange: [
    'The visitors met colleagues of {unit}, presented their current work in {field} and toured the laboratories. Both sides agreed to exchange two young faculty members next year. Minutes filed with the office.',
    'Half-day seminar on {field} with {unit}; a joint grant application and co-supervision of two doctoral students were discussed. Minutes filed with the office.',
  ],
  lecturing: [
    'Lectures on {field} for residents and graduate students of {unit} (about 60 attendees in all), followed by case discussions. Slides kept by the host unit.',
    'A lecture and a teaching ward round at {unit}; the visitor offered to host one of our residents for three months. Minutes filed with the office.',
  ],
  courtesy_visit: [
    'Courtesy call on the school’s leadership; both sides reviewed the cooperation under the agreement in force and the exchanges planned for next year.',
    'The delegation was received by the leadership of {unit}, visited the wards and met our alumni of its university.',
  ],
  negotiation_signing: [
    'Talks on the draft agreement with {unit}: the text was agreed subject to both sides’ approval; signing planned at the next visit.',
    'The agreement was signed in the presence of both delegations; the first exchanges under it are planned for the next academic year.',
  ],
  inspection: [
    'Visit of the clinical departments, the simulation centre and the laboratories of {unit}; the visitors asked for the curricula of our programmes.',
    'Tour of {unit} and its quality-management arrangements, with a question-and-answer session with department heads.',
  ],
  other: ['The visitors met our alumni who trained at their institution and the students preparing to go there. Minutes filed with the office.'],
};

/** A short report as a host unit writes it after a visit. */
export function visitReport(rng: Rng, purpose: VisitPurpose, field: Bilingual, unit: Bilingual): string {
  return rng.pick(REPORTS[purpose]).replaceAll('{unit}', unit.en).replaceAll('{field}', field.en);
}

/** Who received the visitors on our side, as the record names them (by office, not by name). */
export function receivingOfficial(rng: Rng, unitCode: string, unit: Bilingual, level: string): string {
  if (level === 'head_of_state_or_government' || level === 'minister') return 'Dean of the School of Medicine and the Party Secretary';
  if (unitCode === 'SJTUSM' || unitCode === 'IO') return rng.pick(['Dean of the School of Medicine', 'Vice-Dean for International Affairs', 'Director, Office of International Cooperation and Exchange']);
  const head = /Hospital|Center|Centre/.test(unit.en) ? 'President' : 'Dean';
  return `${rng.chance(0.4) ? head : `Vice-${head}`}, ${unit.en}`;
}

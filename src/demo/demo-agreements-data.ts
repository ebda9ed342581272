import type { AgreementKind, AgreementStatus } from '../shared/contracts/agreements.ts';

/** Three texts of one title or topic: English, Chinese, and French where the partner reads French. */
export interface Texts {
  en: string;
  zh: string;
  fr?: string;
}

/**
 * One demo agreement. Dates are months from the day the demo loads (negative: before), so that
 * the demo shows the same picture whatever day it is loaded on; the loader adds a few days of
 * fixed, per-agreement spread so that not every agreement falls on the same day of the month.
 */
export interface DemoAgreementSpec {
  key: string;
  kind: AgreementKind;
  /** Our unit's code for a collegiate agreement; absent for an institutional one. */
  unit?: string;
  /** Partner keys (demo-partners.ts, or 'who' / 'hope' / 'alliance'), with their own unit where known. */
  partners: Array<string | [key: string, partnerUnit: string]>;
  /** When absent, the title is made from the kind, the topic and the parties. */
  title?: Texts;
  topic?: Texts;
  /** Months from load to taking effect, or 'continues': the day after its predecessor ends. */
  effective: number | 'continues';
  /** Months from load to signature, when it is not a few weeks before taking effect. */
  signed?: number;
  /** Length of the first term in years; null = open-ended. */
  years: number | null;
  /** Renews itself by terms of this many months. */
  autoRenewalMonths?: number;
  students?: [inPerYear: number, outPerYear: number];
  staff?: [inPerYear: number, outPerYear: number];
  /** Where the lifecycle stops; 'active' unless said. */
  status?: AgreementStatus;
  /** Months from load to the termination of a 'terminated' one. */
  terminated?: number;
  /** The key of the agreement this one renews (it is drafted with renewAgreement). */
  renews?: string;
  notes?: string;
}

const topic = (en: string, zh: string, fr?: string): Texts => ({ en, zh, ...(fr ? { fr } : {}) });

const PROGRAMME: Texts = {
  en: 'Agreement on the Sino-French Eight-Year Programme in Clinical Medicine',
  zh: '中法合作临床医学八年制项目协议',
  fr: 'Convention relative au programme sino-français de médecine clinique en huit ans',
};

// The French universities whose teaching hospitals take the programme's residents for a year.
const RESIDENCY_HOSTS = ['paris-cite', 'sorbonne', 'saclay', 'aix-marseille', 'lyon1', 'strasbourg', 'bordeaux', 'montpellier', 'lille', 'lorraine', 'toulouse3', 'nantes'];

/**
 * The demo's agreements, in the order they are loaded (a renewal after what it renews).
 * Every one of the 63 universities has at least one agreement that stays in force for years
 * after the load (open-ended, renewing itself, or ending more than a year later), so that the
 * headline figure holds; the agreements ending within a year (the renewal watch) are extra
 * ones with partners that keep another.
 */
export const DEMO_AGREEMENTS: DemoAgreementSpec[] = [
  // The seed's international organizations.
  { key: 'who', kind: 'working_arrangement', partners: ['who'], effective: -182, years: 4, autoRenewalMonths: 48, title: topic('Working Arrangement with the World Health Organization on Health Professions Education and Research', '与世界卫生组织在卫生人才培养与科研方面的工作合作安排', 'Arrangement de travail avec l’Organisation mondiale de la Santé sur la formation des professionnels de santé et la recherche'), notes: 'Reviewed with the WHO every four years.' },
  { key: 'hope', kind: 'working_arrangement', partners: ['hope'], effective: -340, years: null, title: topic('Working Arrangement with Project HOPE on Paediatric Care and Nursing Education', '与世界健康基金会在儿科医疗与护理教育方面的工作合作安排'), notes: 'Carried out mainly with the Shanghai Children’s Medical Center and the School of Nursing.' },
  { key: 'alliance', kind: 'working_arrangement', partners: ['alliance'], effective: -150, years: 5, autoRenewalMonths: 60, title: topic('Working Arrangement with the Alliance Française on French Language Teaching for the Sino-French Programme', '与法语联盟关于中法临床医学八年制项目法语教学的工作合作安排', 'Arrangement de travail avec l’Alliance française pour l’enseignement du français dans le programme sino-français de médecine clinique'), notes: 'French is the first foreign language of the eight-year programme.' },

  // France: the Sino-French programme, its renewals, and the residency year in French hospitals.
  { key: 'paris-cite', kind: 'comprehensive', partners: ['paris-cite'], effective: -196, years: null, notes: 'First signed with Université René Descartes (Paris V) and Université Denis Diderot (Paris VII); continued by Université Paris Cité, which they formed.' },
  { key: 'programme-1', kind: 'joint_programme', partners: [['paris-cite', 'Faculté de Santé']], title: PROGRAMME, effective: -170, years: 5, students: [0, 20], staff: [6, 2], status: 'expired' },
  { key: 'programme-2', renews: 'programme-1', kind: 'joint_programme', partners: [['paris-cite', 'Faculté de Santé']], title: PROGRAMME, effective: 'continues', years: 5, students: [0, 20], staff: [6, 2], status: 'expired' },
  { key: 'programme-3', renews: 'programme-2', kind: 'joint_programme', partners: [['paris-cite', 'Faculté de Santé']], title: PROGRAMME, effective: 'continues', years: 5, students: [0, 24], staff: [8, 2], notes: 'Professors sent every year by the French side teach basic courses in French.' },
  { key: 'programme-4', renews: 'programme-3', kind: 'joint_programme', partners: [['paris-cite', 'Faculté de Santé']], title: PROGRAMME, effective: 'continues', years: 5, students: [0, 24], staff: [8, 2], status: 'draft', notes: 'Renewal under negotiation.' },
  { key: 'residency', kind: 'student_exchange', partners: RESIDENCY_HOSTS, effective: -40, years: 3, autoRenewalMonths: 36, students: [0, 30], title: topic('Consortium Agreement on One-Year Residency Placements in French University Hospitals for Students of the Sino-French Programme', '中法临床医学八年制项目学生赴法国大学医院住院医师培训一年联合协议', 'Convention de consortium pour l’accueil en internat d’un an, dans les centres hospitaliers universitaires, des étudiants du programme sino-français'), notes: 'Students who meet the standard in examinations and evaluations train for a year in residency programmes of French university hospitals.' },
  { key: 'sorbonne', kind: 'comprehensive', partners: ['sorbonne'], effective: -100, years: 10 },
  { key: 'leukaemia', kind: 'joint_research', unit: 'RUIJIN-HEMA', partners: [['paris-cite', 'Institut de Recherche Saint-Louis'], ['saclay', 'Gustave Roussy']], effective: -30, years: 5, title: topic('Sino-French Joint Research Agreement on Leukaemia and Other Haematological Malignancies', '中法白血病及其他血液恶性肿瘤联合研究协议', 'Accord franco-chinois de recherche conjointe sur les leucémies et les autres hémopathies malignes'), notes: 'Continues the collaboration on acute promyelocytic leukaemia between the Shanghai Institute of Hematology and Hôpital Saint-Louis.' },
  { key: 'aix-marseille', kind: 'student_exchange', unit: 'BASIC', partners: [['aix-marseille', 'Faculté des Sciences médicales et paramédicales']], effective: -57, years: 5, students: [3, 3] },
  { key: 'lyon1', kind: 'staff_exchange', unit: 'RENJI', partners: [['lyon1', 'Faculté de Médecine Lyon Est']], effective: -20, years: 5, staff: [2, 2] },
  { key: 'strasbourg', kind: 'joint_research', unit: 'NINTH', partners: [['strasbourg', 'Faculté de Médecine, Maïeutique et Sciences de la Santé']], topic: topic('Minimally Invasive Surgery', '微创外科', 'chirurgie mini-invasive'), effective: -70, years: 5, autoRenewalMonths: 60 },
  { key: 'bordeaux', kind: 'joint_research', unit: 'SPH', partners: [['bordeaux', 'ISPED']], topic: topic('Public Health and Epidemiology', '公共卫生与流行病学', 'santé publique et épidémiologie'), effective: -26, years: 5 },
  { key: 'montpellier', kind: 'student_exchange', unit: 'NURSING', partners: ['montpellier'], effective: -53, years: 5, students: [2, 2] },
  { key: 'lille', kind: 'staff_exchange', unit: 'XINHUA', partners: [['lille', 'Faculté de Médecine']], effective: -16, years: 4, staff: [2, 2] },
  { key: 'toulouse3', kind: 'joint_research', unit: 'RUIJIN', partners: [['toulouse3', 'Faculté de Santé']], topic: topic('Digestive Surgery', '消化外科', 'chirurgie digestive'), effective: -38, years: 5 },
  { key: 'cote-azur', kind: 'comprehensive', partners: ['cote-azur'], effective: -14, years: 5 },
  { key: 'grenoble', kind: 'joint_research', unit: 'BASIC', partners: ['grenoble'], topic: topic('Biomedical Engineering', '生物医学工程', 'ingénierie biomédicale'), effective: -30, years: 5 },
  { key: 'clermont', kind: 'student_exchange', partners: ['clermont'], effective: -70, years: 5, students: [2, 2], status: 'expired', notes: 'Not renewed: no exchange in its last three years.' },

  // The United States and Canada.
  { key: 'jhu', kind: 'comprehensive', partners: ['jhu'], effective: -130, years: 5, autoRenewalMonths: 60 },
  { key: 'jhu-sph', kind: 'joint_research', unit: 'SPH', partners: [['jhu', 'Bloomberg School of Public Health']], topic: topic('Global Health', '全球健康', 'santé mondiale'), effective: -49, years: 5 },
  { key: 'pitt', kind: 'staff_exchange', unit: 'RUIJIN', partners: [['pitt', 'School of Medicine']], effective: -90, years: 3, autoRenewalMonths: 36, staff: [3, 5] },
  { key: 'pitt-xinhua', kind: 'joint_research', unit: 'XINHUA', partners: [['pitt', 'School of Medicine']], topic: topic('Organ Transplantation', '器官移植'), effective: -44, years: 5, status: 'terminated', terminated: -8, notes: 'Ended by mutual consent when the joint grant closed.' },
  { key: 'umich', kind: 'joint_research', partners: [['umich', 'Medical School']], topic: topic('Translational and Clinical Research', '转化医学与临床研究'), effective: -100, years: 10 },
  { key: 'ucsf', kind: 'staff_exchange', unit: 'RENJI', partners: [['ucsf', 'School of Medicine']], effective: -30, years: 5, staff: [2, 3] },
  { key: 'duke', kind: 'student_exchange', unit: 'NURSING', partners: [['duke', 'School of Nursing']], effective: -28, years: 5, students: [2, 2] },
  { key: 'columbia', kind: 'joint_research', unit: 'SPH', partners: [['columbia', 'Mailman School of Public Health']], topic: topic('Epidemiology', '流行病学'), effective: -22, years: 5 },
  { key: 'wustl', kind: 'joint_research', unit: 'BASIC', partners: [['wustl', 'School of Medicine']], topic: topic('Neuroscience', '神经科学'), effective: -60, years: null },
  { key: 'upenn', kind: 'staff_exchange', unit: 'SCMC', partners: [['upenn', 'Perelman School of Medicine']], effective: -40, years: 5, staff: [2, 4] },
  { key: 'toronto', kind: 'comprehensive', partners: ['toronto'], effective: -84, years: 5, autoRenewalMonths: 60 },
  { key: 'mcgill', kind: 'staff_exchange', unit: 'RUIJIN', partners: [['mcgill', 'Faculty of Medicine and Health Sciences']], effective: -30, years: 5, staff: [2, 2] },
  { key: 'montreal', kind: 'student_exchange', partners: [['montreal', 'Faculté de médecine']], effective: -34, years: 5, students: [4, 4] },

  // Asia and Oceania.
  { key: 'tokyo', kind: 'comprehensive', partners: ['tokyo'], effective: -150, years: 5, autoRenewalMonths: 60 },
  { key: 'tokyo-hema', kind: 'joint_research', unit: 'RUIJIN-HEMA', partners: [['tokyo', 'Institute of Medical Science']], topic: topic('Leukaemia', '白血病'), effective: -40, years: 5 },
  { key: 'kyoto', kind: 'joint_research', unit: 'BASIC', partners: [['kyoto', 'Graduate School of Medicine']], topic: topic('Stem Cell Biology', '干细胞生物学'), effective: -42, years: 5 },
  { key: 'osaka', kind: 'student_exchange', partners: ['osaka'], effective: -66, years: 3, autoRenewalMonths: 36, students: [3, 3] },
  { key: 'nagoya', kind: 'staff_exchange', unit: 'NINTH', partners: [['nagoya', 'Graduate School of Medicine']], effective: -36, years: 5, staff: [1, 2] },
  { key: 'kyushu', kind: 'joint_research', unit: 'SPH', partners: [['kyushu', 'Faculty of Medical Sciences']], topic: topic('Environmental Health', '环境卫生'), effective: -24, years: 5 },
  { key: 'snu', kind: 'comprehensive', partners: ['snu'], effective: -110, years: 5, autoRenewalMonths: 60 },
  { key: 'snu-basic', kind: 'student_exchange', unit: 'BASIC', partners: [['snu', 'College of Medicine']], effective: -58, years: 5, students: [2, 2] },
  { key: 'yonsei', kind: 'student_exchange', unit: 'NURSING', partners: [['yonsei', 'College of Nursing']], effective: -20, years: 5, students: [2, 2] },
  { key: 'yonsei-ruijin', kind: 'staff_exchange', unit: 'RUIJIN', partners: [['yonsei', 'Severance Hospital']], effective: 2, years: 5, staff: [2, 2], status: 'approved', notes: 'Approved by both sides; signing planned at the next visit.' },
  { key: 'korea', kind: 'staff_exchange', unit: 'RENJI', partners: [['korea', 'College of Medicine']], effective: -18, years: 5, staff: [1, 1] },
  { key: 'hku', kind: 'comprehensive', partners: ['hku'], effective: -140, years: null },
  { key: 'cuhk', kind: 'student_exchange', partners: ['cuhk'], effective: -46, years: 5, students: [5, 5] },
  { key: 'cuhk-sph', kind: 'joint_research', unit: 'SPH', partners: [['cuhk', 'Jockey Club School of Public Health and Primary Care']], topic: topic('Primary Care', '基层医疗'), effective: -12, years: 3 },
  { key: 'ntu-tw', kind: 'student_exchange', unit: 'BASIC', partners: [['ntu-tw', 'College of Medicine']], effective: -40, years: 5, students: [2, 2] },
  { key: 'nycu', kind: 'joint_research', unit: 'SPH', partners: [['nycu', 'School of Medicine']], topic: topic('Health Policy', '卫生政策'), effective: -28, years: 5 },
  { key: 'nus', kind: 'comprehensive', partners: ['nus'], effective: -64, years: 3, autoRenewalMonths: 36 },
  { key: 'nus-sph', kind: 'joint_research', unit: 'SPH', partners: [['nus', 'Saw Swee Hock School of Public Health']], topic: topic('Infectious Disease Epidemiology', '传染病流行病学'), effective: -55, years: 5 },
  { key: 'sydney', kind: 'comprehensive', partners: ['sydney'], effective: -120, years: 5, autoRenewalMonths: 60 },
  { key: 'sydney-patho', kind: 'joint_research', unit: 'BASIC-PATHO', partners: [['sydney', 'Faculty of Medicine and Health']], topic: topic('Cancer Biology', '肿瘤生物学'), effective: -53, years: 5 },
  { key: 'melbourne', kind: 'joint_research', unit: 'SPH', partners: [['melbourne', 'Melbourne School of Population and Global Health']], topic: topic('Population Health', '人群健康'), effective: -32, years: 5 },
  { key: 'monash', kind: 'student_exchange', partners: ['monash'], effective: -28, years: 5, students: [3, 3] },
  { key: 'monash-nursing', kind: 'student_exchange', unit: 'NURSING', partners: [['monash', 'School of Nursing and Midwifery']], signed: -1, effective: 2, years: 3, students: [2, 2], status: 'signed', notes: 'Takes effect with the next academic year.' },
  { key: 'uq', kind: 'staff_exchange', unit: 'XINHUA', partners: [['uq', 'Faculty of Medicine']], effective: -60, years: 5, staff: [1, 1], status: 'terminated', terminated: -14, notes: 'Terminated at the partner’s request after its faculty reorganisation.' },

  // Europe beyond France.
  { key: 'ki-1', kind: 'comprehensive', partners: ['karolinska'], effective: -130, years: 5, status: 'expired' },
  { key: 'ki-2', renews: 'ki-1', kind: 'comprehensive', partners: ['karolinska'], effective: 'continues', years: 5, status: 'expired' },
  { key: 'ki-3', renews: 'ki-2', kind: 'comprehensive', partners: ['karolinska'], effective: 'continues', years: 5 },
  { key: 'ki-nursing', kind: 'student_exchange', unit: 'NURSING', partners: [['karolinska', 'Department of Neurobiology, Care Sciences and Society']], effective: -56, years: 5, students: [2, 2] },
  { key: 'ki-nursing-2', renews: 'ki-nursing', kind: 'student_exchange', unit: 'NURSING', partners: [['karolinska', 'Department of Neurobiology, Care Sciences and Society']], effective: 'continues', years: 5, students: [3, 3], status: 'under_review' },
  { key: 'lund', kind: 'joint_research', unit: 'RENJI', partners: [['lund', 'Faculty of Medicine']], topic: topic('Diabetes', '糖尿病'), effective: -34, years: 5 },
  { key: 'uppsala', kind: 'joint_research', unit: 'BASIC', partners: ['uppsala'], topic: topic('Molecular Medicine', '分子医学'), effective: -84, years: 5, status: 'expired' },
  { key: 'leiden', kind: 'comprehensive', partners: ['leiden'], effective: -90, years: 5, autoRenewalMonths: 60 },
  { key: 'leiden-basic', kind: 'student_exchange', unit: 'BASIC', partners: [['leiden', 'Leiden University Medical Center']], effective: -51, years: 5, students: [2, 2] },
  { key: 'erasmus', kind: 'joint_research', unit: 'XINHUA', partners: [['erasmus', 'Erasmus MC']], topic: topic('Paediatrics', '儿科学'), effective: -36, years: 5 },
  { key: 'utrecht', kind: 'staff_exchange', unit: 'SCMC', partners: [['utrecht', 'University Medical Center Utrecht']], effective: -26, years: 5, staff: [1, 2] },
  { key: 'geneva', kind: 'comprehensive', partners: ['geneva'], effective: -72, years: 5, autoRenewalMonths: 60 },
  { key: 'lausanne', kind: 'staff_exchange', unit: 'RUIJIN', partners: [['lausanne', 'Faculté de biologie et de médecine']], effective: -40, years: 5, staff: [2, 2] },
  { key: 'zurich', kind: 'joint_research', unit: 'BASIC', partners: [['zurich', 'Faculty of Medicine']], topic: topic('Immunology', '免疫学'), effective: -20, years: 5 },
  { key: 'heidelberg', kind: 'comprehensive', partners: ['heidelberg'], effective: -96, years: 5, autoRenewalMonths: 60 },
  { key: 'lmu', kind: 'joint_research', unit: 'XINHUA', partners: [['lmu', 'Faculty of Medicine']], topic: topic('Paediatric Oncology', '儿童肿瘤'), effective: -30, years: 5 },
  { key: 'freiburg', kind: 'staff_exchange', unit: 'NINTH', partners: [['freiburg', 'Faculty of Medicine']], effective: -28, years: 5, staff: [1, 2] },
  { key: 'tubingen', kind: 'joint_research', unit: 'RUIJIN', partners: [['tubingen', 'Faculty of Medicine']], topic: topic('Neurology', '神经病学'), effective: 4, years: 5, status: 'draft' },
  { key: 'kuleuven', kind: 'student_exchange', partners: ['kuleuven'], effective: -38, years: 5, students: [3, 3] },
  { key: 'uclouvain', kind: 'joint_research', unit: 'RUIJIN', partners: [['uclouvain', 'Faculté de médecine et médecine dentaire']], topic: topic('Endocrinology', '内分泌学', 'endocrinologie'), effective: -24, years: 5 },
  { key: 'semmelweis', kind: 'comprehensive', partners: ['semmelweis'], effective: -62, years: 5, autoRenewalMonths: 60 },
  { key: 'debrecen', kind: 'student_exchange', unit: 'BASIC', partners: [['debrecen', 'Faculty of Medicine']], effective: -30, years: 5, students: [2, 2] },
  { key: 'edinburgh', kind: 'comprehensive', partners: ['edinburgh'], effective: -56, years: 5, autoRenewalMonths: 60 },
  { key: 'kcl', kind: 'student_exchange', unit: 'NURSING', partners: [['kcl', 'Florence Nightingale Faculty of Nursing, Midwifery and Palliative Care']], effective: -20, years: 5, students: [2, 2] },
  { key: 'ucl', kind: 'joint_research', unit: 'SPH', partners: [['ucl', 'Institute for Global Health']], topic: topic('Global Health', '全球健康'), effective: -10, years: 5 },
  { key: 'milan', kind: 'joint_research', unit: 'RENJI', partners: [['milan', 'Faculty of Medicine and Surgery']], topic: topic('Hepatology', '肝脏病学'), effective: -33, years: 5 },
  { key: 'bologna', kind: 'student_exchange', partners: ['bologna'], effective: -30, years: 5, students: [2, 2] },
  { key: 'helsinki', kind: 'joint_research', unit: 'BASIC', partners: [['helsinki', 'Faculty of Medicine']], topic: topic('Cardiovascular Research', '心血管研究'), effective: -27, years: 5 },
  { key: 'oslo', kind: 'joint_research', unit: 'SPH', partners: [['oslo', 'Institute of Health and Society']], topic: topic('Health Services Research', '卫生服务研究'), effective: -35, years: 5 },
  { key: 'copenhagen', kind: 'comprehensive', partners: ['copenhagen'], effective: 6, years: 5, status: 'under_review', notes: 'First agreement with a Danish university, proposed after the delegation visit.' },
];

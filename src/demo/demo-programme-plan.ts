import type { AssessmentStage, PlacementStatus, StudentStatus } from '../shared/contracts/programmes.ts';
import type { Rng } from './demo-random.ts';

/**
 * The 8-year Sino-French programme of the demo, relative to the year it loads (Y). A class is
 * admitted every other year, the latest in Y − 1; students spend their seventh year (from 1
 * November, the start of the French internship semester, to 31 October) as residents in a
 * French hospital if they met the standard. Ten classes: 286 admitted in all, of whom the seven
 * classes whose residency year has begun (entry ≤ Y − 7) hold 202, and 186 of those have been
 * placed (65.0% of 286); the other 16 did not meet the standard, withdrew or transferred out.
 * The three youngest classes (84 students) have not reached their residency year.
 */
export const PROGRAMME_CLASSES = 10;
/** Class sizes, the latest class first: the three young classes, then the seven placed ones. */
export const CLASS_SIZES = [28, 27, 29, 30, 29, 28, 30, 27, 29, 29] as const;
/** In each class old enough, how many were not placed (the youngest such class first). */
export const NOT_PLACED = [3, 2, 2, 3, 2, 2, 2] as const;
/** The classes that have not reached their residency year. */
export const YOUNG_CLASSES = 3;

/** The French university hospitals that host our residents, with their share of the placements. */
export const HOST_HOSPITALS = [
  { key: 'aphp', ref: 'eche:F  PARIS391', nameEn: 'Assistance Publique – Hôpitaux de Paris (AP-HP)', nameFr: 'Assistance Publique – Hôpitaux de Paris', nameZh: '巴黎公立医院集团', city: 'Paris', weight: 40 },
  { key: 'hcl', ref: 'eche:F  LYON33', nameEn: 'Hospices Civils de Lyon', nameFr: 'Hospices Civils de Lyon', nameZh: '里昂公立医院集团', city: 'Lyon', weight: 15 },
  { key: 'bordeaux', ref: null, nameEn: 'CHU de Bordeaux', nameFr: 'Centre hospitalier universitaire de Bordeaux', nameZh: '波尔多大学医院中心', city: 'Bordeaux', weight: 10 },
  { key: 'strasbourg', ref: 'eche:F  STRASBO53', nameEn: 'Hôpitaux Universitaires de Strasbourg', nameFr: 'Hôpitaux universitaires de Strasbourg', nameZh: '斯特拉斯堡大学医院', city: 'Strasbourg', weight: 9 },
  { key: 'toulouse', ref: 'eche:F  TOULOUS122', nameEn: 'CHU de Toulouse', nameFr: 'Centre hospitalier universitaire de Toulouse', nameZh: '图卢兹大学医院中心', city: 'Toulouse', weight: 8 },
  { key: 'nantes', ref: 'eche:F  NANTES82', nameEn: 'CHU de Nantes', nameFr: 'Centre hospitalier universitaire de Nantes', nameZh: '南特大学医院中心', city: 'Nantes', weight: 7 },
  { key: 'rennes', ref: 'eche:F  RENNES61', nameEn: 'CHU de Rennes', nameFr: 'Centre hospitalier universitaire de Rennes', nameZh: '雷恩大学医院中心', city: 'Rennes', weight: 6 },
  { key: 'nice', ref: 'eche:F  NICE48', nameEn: 'CHU de Nice', nameFr: 'Centre hospitalier universitaire de Nice', nameZh: '尼斯大学医院中心', city: 'Nice', weight: 5 },
] as const;
export type HospitalKey = (typeof HOST_HOSPITALS)[number]['key'];

const DEPARTMENTS = ['Cardiologie', 'Hématologie', 'Chirurgie digestive', 'Pédiatrie', 'Neurologie', 'Médecine interne', 'Gynécologie-obstétrique', 'Réanimation médicale', 'Néphrologie', 'Pneumologie', 'Oncologie médicale', 'Chirurgie orthopédique'];
export const COURSES = ['Physiologie', 'Anatomie', 'Biochimie', 'Histologie', 'Sémiologie médicale', 'Pharmacologie', 'Immunologie', 'Bactériologie', 'Santé publique', 'Français médical'];

/** What became of a student who was not placed. */
type Outcome = 'placed' | 'standard_not_met_french' | 'standard_not_met_clinical' | 'withdrawn' | 'transferred_out' | 'young';

export interface StudentPlan {
  number: string;
  outcome: Outcome;
  status: StudentStatus;
  assessments: Array<{ stage: AssessmentStage; assessedOn: string; result: string; meetsStandard: boolean }>;
  placements: Array<{ hospital: HospitalKey; department: string; startDate: string; endDate: string; steps: Array<{ to: PlacementStatus; on: string }> }>;
}

export interface ClassPlan {
  entryYear: number;
  intake: number;
  students: StudentPlan[];
}

const NOT_PLACED_OUTCOMES: Outcome[] = ['standard_not_met_clinical', 'standard_not_met_french', 'withdrawn', 'transferred_out'];

/** Every class of the programme for a load on `today`, the oldest first. */
export function planProgramme(rng: Rng, today: string): ClassPlan[] {
  const year = Number(today.slice(0, 4));
  const classes: ClassPlan[] = [];
  for (let k = PROGRAMME_CLASSES - 1; k >= 0; k--) {
    const entryYear = year - 1 - 2 * k;
    const size = CLASS_SIZES[k]!;
    const notPlaced = k < YOUNG_CLASSES ? 0 : NOT_PLACED[k - YOUNG_CLASSES]!;
    const students: StudentPlan[] = [];
    for (let i = 0; i < size; i++) {
      const outcome: Outcome = k < YOUNG_CLASSES ? 'young' : i < notPlaced ? NOT_PLACED_OUTCOMES[(k + i) % NOT_PLACED_OUTCOMES.length]! : 'placed';
      students.push(planStudent(rng, entryYear, `F${entryYear}${String(i + 1).padStart(3, '0')}`, outcome, today));
    }
    classes.push({ entryYear, intake: size, students: rng.shuffle(students).sort((a, b) => a.number.localeCompare(b.number)) });
  }
  return classes;
}

function planStudent(rng: Rng, entry: number, number: string, outcome: Outcome, today: string): StudentPlan {
  const french = { stage: 'french_language' as const, assessedOn: `${entry + 2}-06-20` };
  const basic = { stage: 'basic_sciences' as const, assessedOn: `${entry + 4}-06-25` };
  const clinical = { stage: 'clinical' as const, assessedOn: `${entry + 6}-06-28` };
  const frenchLevel = () => rng.pick(['DELF B2', 'DELF B2', 'DALF C1']);
  const score = () => `${rng.int(12, 18)}/20`;
  const assessments: StudentPlan['assessments'] = [];
  // Everyone admitted was evaluated on entry (an interview in French and the school's admission review).
  assessments.push({ stage: 'other', assessedOn: `${entry}-09-10`, result: 'Admission review: admitted', meetsStandard: true });
  if (outcome === 'standard_not_met_french') {
    assessments.push({ ...french, result: 'DELF B1', meetsStandard: false }, { ...basic, result: score(), meetsStandard: true }, { ...clinical, result: 'Validé', meetsStandard: true });
    assessments.push({ ...french, assessedOn: `${entry + 5}-12-10`, result: 'DELF B1', meetsStandard: false });
  } else if (outcome === 'standard_not_met_clinical') {
    assessments.push({ ...french, result: frenchLevel(), meetsStandard: true }, { ...basic, result: score(), meetsStandard: true }, { ...clinical, result: 'Ajourné', meetsStandard: false });
  } else if (outcome === 'withdrawn' || outcome === 'transferred_out') {
    assessments.push({ ...french, result: 'DELF B1', meetsStandard: false });
  } else {
    // A few passed French at the second attempt.
    if (rng.chance(0.08)) assessments.push({ ...french, assessedOn: `${entry + 1}-12-15`, result: 'DELF B1', meetsStandard: false });
    assessments.push({ ...french, result: frenchLevel(), meetsStandard: true }, { ...basic, result: score(), meetsStandard: true }, { ...clinical, result: 'Validé', meetsStandard: true });
  }
  const known = assessments.filter((a) => a.assessedOn <= today);
  const startDate = `${entry + 6}-11-01`;
  const endDate = `${entry + 7}-10-31`;
  const placements: StudentPlan['placements'] = [];
  const hospital = () => rng.weighted(HOST_HOSPITALS.map((h) => [h.key, h.weight] as const));
  if (outcome === 'placed') {
    const steps: Array<{ to: PlacementStatus; on: string }> = [{ to: 'confirmed', on: `${entry + 6}-09-15` }];
    if (endDate < today) steps.push({ to: 'completed', on: endDate });
    placements.push({ hospital: hospital(), department: rng.pick(DEPARTMENTS), startDate, endDate, steps });
  } else if (outcome === 'standard_not_met_clinical') {
    // Proposed before the clinical examination, withdrawn when it was failed.
    placements.push({ hospital: hospital(), department: rng.pick(DEPARTMENTS), startDate, endDate, steps: [{ to: 'withdrawn', on: `${entry + 6}-07-05` }] });
  }
  const status: StudentStatus =
    outcome === 'withdrawn' ? 'withdrawn' : outcome === 'transferred_out' ? 'transferred_out' : `${entry + 8}-07-01` <= today ? 'graduated' : 'enrolled';
  return { number, outcome, status, assessments: known, placements };
}

import { addDays } from '../shared/calendar.ts';
import type { PersonSpec } from './demo-inbound-people.ts';
import type { VisitPlanner, VisitSpec } from './demo-visits-plan.ts';

/**
 * The visitors the seed names, as it names them: the Latin name (with its accents) and the
 * standard Chinese one; the seed's own spelling is kept as another name so that it finds them.
 * Their visits fall in their time in office. Everyone else on these delegations is invented.
 */
interface NotableVisit {
  person: Omit<PersonSpec, 'unitCode' | 'institutionKey'>;
  date: string;
  unitCode: string;
  title: { en: string; zh: string };
  receivingOfficial: string;
  aides: string[];
  report: string;
  notes?: string;
}

// Before 2005 the school was Shanghai Second Medical University (上海第二医科大学).
const NOTABLE: readonly NotableVisit[] = [
  {
    // Prime Minister 1993–1995; in China in April 1994.
    person: { key: 'notable:balladur', familyName: 'Balladur', givenName: 'Édouard', nameZh: '巴拉迪尔', otherNames: ['Eduard Baladur'], gender: 'male', nationality: 'FR', title: 'Prime Minister of France' },
    date: '1994-04-10',
    unitCode: 'SJTUSM',
    title: { en: 'Visit of the French Prime Minister Édouard Balladur to Shanghai Second Medical University', zh: '法国总理巴拉迪尔访问上海第二医科大学' },
    receivingOfficial: 'President of Shanghai Second Medical University',
    aides: ['Conseiller technique pour la santé', 'Chef du protocole', 'Attaché de presse'],
    report: 'The Prime Minister met the university’s leadership and the students of the French-taught classes, and visited the laboratories of the Shanghai Institute of Hematology. Photographs and minutes filed with the office.',
  },
  {
    // President 1995–2007; state visit to China in May 1997.
    person: { key: 'notable:chirac', familyName: 'Chirac', givenName: 'Jacques', nameZh: '希拉克', otherNames: [], gender: 'male', nationality: 'FR', title: 'President of the French Republic' },
    date: '1997-05-17',
    unitCode: 'RUIJIN',
    title: { en: 'Visit of the French President Jacques Chirac to Ruijin Hospital', zh: '法国总统希拉克访问瑞金医院' },
    receivingOfficial: 'President of Shanghai Second Medical University and the President of Ruijin Hospital',
    aides: ['Conseiller diplomatique', 'Chef du protocole', 'Conseillère pour la recherche', 'Attaché de presse'],
    report: 'The President toured Ruijin Hospital, founded in 1907 as Hôpital Sainte-Marie, met physicians trained in France and heard a presentation on the treatment of acute promyelocytic leukaemia. Photographs and minutes filed with the office.',
  },
  {
    // First Lady 1993–2001; in Shanghai with the President at the end of June 1998.
    person: { key: 'notable:clinton', familyName: 'Clinton', givenName: 'Hillary', nameZh: '希拉里·克林顿', otherNames: [], gender: 'female', nationality: 'US', title: 'First Lady of the United States' },
    date: '1998-06-30',
    unitCode: 'SCMC',
    title: { en: 'Visit of the First Lady of the United States, Hillary Clinton, to the Shanghai Children’s Medical Center', zh: '美国第一夫人希拉里·克林顿访问上海儿童医学中心' },
    receivingOfficial: 'President of Shanghai Second Medical University and the President of the Shanghai Children’s Medical Center',
    aides: ['Chief of Staff to the First Lady', 'Advance Officer', 'Press Secretary'],
    report: 'The First Lady visited the new Shanghai Children’s Medical Center, built with Project HOPE, its paediatric wards and its nurse training programme. Photographs and minutes filed with the office.',
    notes: 'Received at head-of-state level, as Chinese protocol receives the spouse of a head of state.',
  },
  {
    // King of Sweden since 1973.
    person: { key: 'notable:carl-gustaf', familyName: 'Carl XVI Gustaf', givenName: null, nameZh: '卡尔十六世·古斯塔夫', otherNames: ['Carl Gustav XVI'], gender: 'male', nationality: 'SE', title: 'King of Sweden' },
    date: '2006-07-24',
    unitCode: 'SJTUSM',
    title: { en: 'Visit of His Majesty King Carl XVI Gustaf of Sweden to Shanghai Jiao Tong University School of Medicine', zh: '瑞典国王卡尔十六世·古斯塔夫访问上海交通大学医学院' },
    receivingOfficial: 'Dean of the School of Medicine and the Party Secretary',
    aides: ['Chamberlain', 'Adviser on Science and Education', 'Press Officer'],
    report: 'The King attended a symposium with Karolinska Institutet on medical research and education, and visited Ruijin Hospital. Photographs and minutes filed with the office.',
  },
];

/**
 * Adds the four visits the seed names, at head-of-state or head-of-government level, each
 * with a small delegation of invented aides; returns them for the aggregates of their years.
 */
export function planNotableVisits(p: VisitPlanner): VisitSpec[] {
  return NOTABLE.map((n) => {
    const head = p.people.add({ ...n.person, institutionKey: null, unitCode: n.unitCode });
    const aides = n.aides.map((title, i) => {
      const aide = p.people.invent(p.rng, `${n.person.key}:aide:${i}`, { country: head.nationality, institutionKey: null, title, unitCode: n.unitCode });
      aide.notes = 'Invented member of the delegation (demo data).';
      return aide;
    });
    const visit: VisitSpec = {
      titleEn: n.title.en,
      titleZh: n.title.zh,
      hostUnitCode: n.unitCode,
      purpose: 'courtesy_visit',
      startDate: n.date,
      endDate: n.date,
      protocolLevel: 'head_of_state_or_government',
      receivingOfficial: n.receivingOfficial,
      members: [{ personKey: head.key, role: 'Head of delegation' }, ...aides.map((a) => ({ personKey: a.key, role: 'Member' }))],
      requestedOn: addDays(n.date, -45),
      steps: [
        { to: 'approved', on: addDays(n.date, -30) },
        { to: 'held', on: n.date },
        { to: 'closed', on: addDays(n.date, 6), report: n.report },
      ],
      ...(n.notes ? { notes: n.notes } : {}),
    };
    p.visits.push(visit);
    return visit;
  });
}

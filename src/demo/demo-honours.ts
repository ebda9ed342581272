import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createHonour } from '../server/modules/honours/honours.service.ts';
import { createInstitution } from '../server/modules/institutions/institutions.service.ts';
import { createPerson } from '../server/modules/people/people.service.ts';
import { HonourInput, type HonourKind } from '../shared/contracts/honours.ts';
import { InstitutionInput } from '../shared/contracts/institutions.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import { inventName } from './demo-names.ts';
import { seededRng } from './demo-random.ts';

/**
 * Honours from abroad received by the school's people. The seed's "more important ones" are
 * marked notable, with the awarding bodies it names. The dates are illustrative: most are
 * given by their year only (precision 'year'), chosen so that the seed's order reads in the
 * order of conferral; only the 1994 Kettering Prize to Wang Zhen-yi is a year we hold with
 * confidence. The other honours (not notable) are invented, so that "dozens" of our people
 * hold one, as the seed says.
 */

interface SeedHonour {
  holders: Array<[family: string, given: string, year: number]>;
  kind: HonourKind;
  nameOriginal?: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  /** The awarding body as the office writes it (its name at the time). */
  body?: string;
  /** A demo institution (by its English name today) that the body is, or became part of. */
  institution?: string;
  countryCode: string;
}

/** Each awarding body's name in Chinese and in French, as the office writes it in those languages. */
const BODY_NAMES: Readonly<Record<string, readonly [zh: string, fr: string]>> = {
  'Académie nationale de médecine': ['法国国家医学科学院', 'Académie nationale de médecine'],
  'American Association for Cancer Research': ['美国癌症研究协会', 'Association américaine pour la recherche sur le cancer'],
  'American Burn Association': ['美国烧伤协会', 'Association américaine des brûlés'],
  'American Society of Hematology': ['美国血液学会', 'Société américaine d’hématologie'],
  'American Society of Plastic Surgeons': ['美国整形外科医师协会', 'Société américaine des chirurgiens plasticiens'],
  'American Surgical Association': ['美国外科协会', 'Association américaine de chirurgie'],
  'European Society of Cardiology': ['欧洲心脏病学会', 'Société européenne de cardiologie'],
  'Fondation CRB (Switzerland)': ['瑞士CRB基金会', 'Fondation CRB (Suisse)'],
  'General Motors Cancer Research Foundation': ['通用汽车癌症研究基金会', 'Fondation General Motors pour la recherche sur le cancer'],
  'Government of the French Republic': ['法兰西共和国政府', 'gouvernement de la République française'],
  'Japanese Society of Internal Medicine': ['日本内科学会', 'Société japonaise de médecine interne'],
  'Ligue contre le cancer': ['法国抗癌联盟', 'Ligue contre le cancer'],
  'Royal College of Physicians': ['英国皇家内科医师学会', 'Collège royal des médecins'],
  'Royal College of Surgeons of Edinburgh': ['爱丁堡皇家外科医师学会', 'Collège royal des chirurgiens d’Édimbourg'],
  'Société française d’hématologie': ['法国血液学会', 'Société française d’hématologie'],
  'The World Academy of Sciences': ['世界科学院', 'Académie mondiale des sciences'],
  'US National Academy of Sciences': ['美国国家科学院', 'Académie nationale des sciences des États-Unis'],
  'University of Nebraska': ['美国内布拉斯加大学', 'Université du Nebraska'],
  'Université Paris V (René Descartes)': ['法国巴黎第五大学', 'Université Paris V (René Descartes)'],
  'Université Paris VII (Denis Diderot)': ['法国巴黎第七大学', 'Université Paris VII (Denis Diderot)'],
};

const DEGREE = { kind: 'honorary_degree', nameEn: 'Honorary Doctorate', nameZh: '荣誉博士学位', nameFr: 'Doctorat honoris causa' } as const;

/** The seed's honours, in its order. */
export const SEED_HONOURS: SeedHonour[] = [
  {
    holders: [['Kuang', 'An-kun', 1985], ['Wang', 'Zhen-yi', 1988], ['Wang', 'Yi-fei', 1991], ['Li', 'Hong-wei', 2000], ['Chen', 'Zhu', 2002]],
    kind: 'decoration', nameOriginal: 'Légion d’honneur', nameEn: 'Legion of Honour', nameZh: '法国荣誉军团勋章', nameFr: 'Légion d’honneur',
    body: 'Government of the French Republic', countryCode: 'FR',
  },
  { holders: [['Shi', 'Ji-xiang', 1989]], kind: 'prize', nameEn: 'Irvins Prize', nameZh: '欧文斯奖', nameFr: 'Prix Irvins', body: 'American Burn Association', countryCode: 'US' },
  { holders: [['Wang', 'Zhen-yi', 1992]], kind: 'prize', nameEn: 'Outstanding Doctor Prize', nameZh: '法国杰出医生奖', nameFr: 'Prix du médecin éminent', countryCode: 'FR' },
  { holders: [['Wang', 'Zhen-yi', 1994]], kind: 'prize', nameOriginal: 'Charles F. Kettering Prize', nameEn: 'Kettering Prize', nameZh: '凯特林奖', nameFr: 'Prix Kettering', body: 'General Motors Cancer Research Foundation', countryCode: 'US' },
  { holders: [['Wang', 'Zhen-yi', 1997]], kind: 'prize', nameEn: 'CRB Prize', nameZh: '瑞士CRB奖', nameFr: 'Prix CRB', body: 'Fondation CRB (Switzerland)', countryCode: 'CH' },
  { holders: [['Chen', 'Zhu', 1998]], kind: 'prize', nameOriginal: 'Prix de l’Oise', nameEn: 'Prix de l’Oise', nameZh: '法国瓦兹省癌症研究奖', nameFr: 'Prix de l’Oise', body: 'Ligue contre le cancer', countryCode: 'FR' },
  { holders: [['Cao', 'Yi-lin', 1999]], kind: 'prize', nameEn: 'James Barrett Brown Award', nameZh: '詹姆斯·巴雷特·布朗奖', nameFr: 'Prix James Barrett Brown', body: 'American Society of Plastic Surgeons', countryCode: 'US' },
  { holders: [['Chen', 'Zhu', 2003]], kind: 'academy_membership', nameEn: 'Foreign Associate', nameZh: '外籍院士', nameFr: 'Membre associé étranger', body: 'US National Academy of Sciences', countryCode: 'US' },
  { holders: [['Chen', 'Zhu', 2001]], ...DEGREE, body: 'Université Paris VII (Denis Diderot)', institution: 'Université Paris Cité', countryCode: 'FR' },
  { holders: [['Chen', 'Zhu', 2004]], ...DEGREE, institution: 'The University of Hong Kong', countryCode: 'HK' },
  { holders: [['Shen', 'Xiao-ming', 2005]], ...DEGREE, body: 'Université Paris V (René Descartes)', institution: 'Université Paris Cité', countryCode: 'FR' },
  { holders: [['Shen', 'Xiao-ming', 2008]], ...DEGREE, body: 'University of Nebraska', countryCode: 'US' },
  {
    holders: [['Li', 'Hong-wei', 2006], ['Zhu', 'Zheng-gang', 2009], ['Peng', 'Cheng-hong', 2011], ['Peng', 'Zhi-hai', 2013]],
    kind: 'honorary_title', nameEn: 'Foreign Honorary Fellow', nameZh: '外籍荣誉院士', nameFr: 'Membre honoraire étranger', body: 'American Surgical Association', countryCode: 'US',
  },
  { holders: [['Chen', 'Guo-qiang', 2015]], kind: 'honorary_title', nameEn: 'Honorary Professor', nameZh: '名誉教授', nameFr: 'Professeur honoraire', institution: 'The University of Sydney', countryCode: 'AU' },
];

/** Honours that are not among the office's "more important ones", for the invented colleagues. */
const OTHER_HONOURS: Array<Omit<SeedHonour, 'holders'>> = [
  { kind: 'honorary_title', nameEn: 'Honorary Fellow', nameZh: '荣誉院士', nameFr: 'Membre honoraire', body: 'Royal College of Surgeons of Edinburgh', countryCode: 'GB' },
  { kind: 'honorary_title', nameEn: 'Honorary Fellow', nameZh: '荣誉院士', nameFr: 'Membre honoraire', body: 'Royal College of Physicians', countryCode: 'GB' },
  { kind: 'honorary_title', nameEn: 'Honorary Member', nameZh: '荣誉会员', nameFr: 'Membre d’honneur', body: 'Société française d’hématologie', countryCode: 'FR' },
  { kind: 'honorary_title', nameEn: 'Honorary Member', nameZh: '荣誉会员', nameFr: 'Membre d’honneur', body: 'Japanese Society of Internal Medicine', countryCode: 'JP' },
  { kind: 'decoration', nameOriginal: 'Ordre des Palmes académiques', nameEn: 'Order of Academic Palms', nameZh: '法国教育骑士勋章', nameFr: 'Ordre des Palmes académiques', body: 'Government of the French Republic', countryCode: 'FR' },
  { kind: 'decoration', nameOriginal: 'Ordre national du Mérite', nameEn: 'National Order of Merit', nameZh: '法国国家功勋勋章', nameFr: 'Ordre national du Mérite', body: 'Government of the French Republic', countryCode: 'FR' },
  { kind: 'prize', nameEn: 'Distinguished Investigator Award', nameZh: '杰出研究者奖', nameFr: 'Prix du chercheur émérite', body: 'American Society of Hematology', countryCode: 'US' },
  { kind: 'prize', nameEn: 'International Achievement Award', nameZh: '国际成就奖', nameFr: 'Prix de la réussite internationale', body: 'American Association for Cancer Research', countryCode: 'US' },
  { kind: 'prize', nameEn: 'Outstanding Paper Award', nameZh: '优秀论文奖', nameFr: 'Prix du meilleur article', body: 'European Society of Cardiology', countryCode: 'FR' },
  { kind: 'academy_membership', nameEn: 'Foreign Member', nameZh: '外籍院士', nameFr: 'Membre étranger', body: 'Académie nationale de médecine', countryCode: 'FR' },
  { kind: 'academy_membership', nameEn: 'Fellow', nameZh: '院士', nameFr: 'Membre', body: 'The World Academy of Sciences', countryCode: 'IT' },
  { ...DEGREE, institution: 'Karolinska Institutet', countryCode: 'SE' },
  { kind: 'honorary_title', nameEn: 'Honorary Professor', nameZh: '名誉教授', nameFr: 'Professeur honoraire', institution: 'The University of Hong Kong', countryCode: 'HK' },
];

/** The units the invented colleagues work in. */
const UNITS = ['RUIJIN', 'RENJI', 'XINHUA', 'NINTH', 'SCMC', 'BASIC', 'SPH', 'RUIJIN-HEMA'];

/** How many invented colleagues hold an honour: with the seed's twelve, "dozens". */
const OTHER_HOLDERS = 22;

async function institutionIds(db: Db): Promise<Map<string, number>> {
  const { rows } = await db.query<{ nameEn: string; id: number }>('SELECT name_en AS "nameEn", min(id)::int AS id FROM institutions GROUP BY name_en');
  return new Map(rows.map((r) => [r.nameEn, r.id]));
}

/**
 * Loads the honours: the seed's, on the professors it names (made by load-demo.ts from
 * DEMO_PEOPLE), and invented ones for invented colleagues, each through the honours service.
 */
export async function loadDemoHonours(db: Db, cipher: Cipher, unitIds: Map<string, number>): Promise<void> {
  const ctx = systemContext(db);
  const institutions = await institutionIds(db);
  const { rows: seedPeople } = await db.query<{ id: number; familyName: string; givenName: string }>(
    `SELECT id, family_name AS "familyName", given_name AS "givenName" FROM people WHERE title = 'Professor' AND nationality = 'CN'`,
  );
  const personId = (family: string, given: string) => {
    const found = seedPeople.find((p) => p.familyName === family && p.givenName === given);
    if (!found) throw new Error(`demo honours: ${family} ${given} is not among the demo people`);
    return found.id;
  };
  const honour = async (person: number, h: Omit<SeedHonour, 'holders'>, conferredOn: string, datePrecision: 'day' | 'year', notable: boolean) => {
    const awardingInstitutionId = h.institution ? institutions.get(h.institution) : undefined;
    if (h.institution && awardingInstitutionId === undefined) throw new Error(`demo honours: no institution ${h.institution}`);
    const { kind, nameOriginal, nameEn, nameZh, nameFr, body, countryCode } = h;
    const bodyNames = body ? BODY_NAMES[body] : undefined;
    if (body && !bodyNames) throw new Error(`demo honours: no Chinese and French names for ${body}`);
    const [awardingBodyZh, awardingBodyFr] = bodyNames ?? [];
    await createHonour(ctx, {
      input: parseOrThrow(HonourInput, { personId: person, kind, nameOriginal, nameEn, nameZh, nameFr, awardingBody: body, awardingBodyZh, awardingBodyFr, awardingInstitutionId, countryCode, conferredOn, datePrecision, notable }),
    });
  };
  for (const h of SEED_HONOURS)
    for (const [family, given, year] of h.holders) await honour(personId(family, given), h, `${year}-01-01`, 'year', true);

  // Karolinska Institutet is one of the demo's catalogue picks; make sure it is there before naming it.
  if (!institutions.has('Karolinska Institutet')) {
    const row = await createInstitution(ctx, { input: parseOrThrow(InstitutionInput, { kind: 'university', nameEn: 'Karolinska Institutet', nameZh: '卡罗林斯卡学院', countryCode: 'SE' }) });
    institutions.set('Karolinska Institutet', row.id);
  }
  const rng = seededRng('demo-honours');
  const taken = new Set(seedPeople.map((p) => `CN|${p.familyName}|${p.givenName}`));
  for (let i = 0; i < OTHER_HOLDERS; i++) {
    const name = inventName(rng, 'CN', taken);
    const person = await createPerson(ctx, {
        cipher,
        input: parseOrThrow(PersonInput, { familyName: name.familyName, givenName: name.givenName, nameZh: name.nameZh, gender: name.gender, nationality: 'CN', title: 'Professor', unitId: unitIds.get(rng.pick(UNITS))! }),
    });
    const count = rng.chance(0.35) ? 2 : 1;
    for (const h of rng.shuffle(OTHER_HONOURS).slice(0, count)) {
      const year = rng.int(1996, 2024);
      // Half are known to the day (a certificate on file), the others by their year only.
      const exact = rng.chance(0.5);
      const conferredOn = exact ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : `${year}-01-01`;
      await honour(person.id, h, conferredOn, exact ? 'day' : 'year', false);
    }
  }
  // Two of the seed's professors also hold honours the office does not single out.
  await honour(personId('Chen', 'Zhu'), OTHER_HONOURS[9]!, '2012-01-01', 'year', false);
  await honour(personId('Wang', 'Zhen-yi'), OTHER_HONOURS[2]!, '1996-01-01', 'year', false);
}

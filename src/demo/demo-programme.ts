import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createInstitution } from '../server/modules/institutions/institutions.service.ts';
import { createPerson } from '../server/modules/people/people.service.ts';
import { addVisitingProfessor, createCohort, createProgramme } from '../server/modules/programmes/programmes.service.ts';
import { recordStudentHistory } from '../server/modules/programmes/programme-history.service.ts';
import { InstitutionInput } from '../shared/contracts/institutions.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import { CohortInput, ProgrammeInput, VisitingProfessorInput } from '../shared/contracts/programmes.ts';
import { inventName } from './demo-names.ts';
import { DEMO_PARTNERS } from './demo-partners.ts';
import { ensurePartnerInstitutions } from './demo-partner-institutions.ts';
import { seededRng } from './demo-random.ts';
import { COURSES, HOST_HOSPITALS, planProgramme, type HospitalKey } from './demo-programme-plan.ts';

/** The host hospitals: the catalogue's entry where there is one (made once), else an institution of our own. */
async function ensureHospitals(db: Db): Promise<Map<HospitalKey, number>> {
  const ids = new Map<HospitalKey, number>();
  for (const h of HOST_HOSPITALS) {
    const existing = h.ref ? (await db.query<{ id: number }>('SELECT id FROM institutions WHERE reference_ref = $1 ORDER BY id LIMIT 1', [h.ref])).rows[0] : undefined;
    if (existing) {
      ids.set(h.key, existing.id);
      continue;
    }
    const entry = h.ref ? (await db.query<{ name: string }>('SELECT name FROM reference_institutions WHERE ref = $1', [h.ref])).rows[0] : undefined;
    const row = await createInstitution(
      systemContext(db),
      {
        input: parseOrThrow(InstitutionInput, {
          kind: 'hospital', nameEn: h.nameEn, nameFr: h.nameFr, nameZh: h.nameZh, countryCode: 'FR', city: h.city,
          ...(entry ? { otherNames: [entry.name], referenceRef: h.ref } : {}),
        }),
      },
    );
    ids.set(h.key, row.id);
  }
  return ids;
}

/**
 * The 8-year Sino-French programme of clinical medicine (demo-programme-plan.ts): run by the
 * school with Université Paris Cité, its classes since it began, every student with their
 * examinations and evaluations and their residency in a French hospital (one transaction per
 * student through the programmes service), and the professors the French side sent each year.
 */
export async function loadDemoProgramme(db: Db, cipher: Cipher, unitId: number, today: string): Promise<void> {
  const system = systemContext(db);
  const rng = seededRng('demo-programme');
  const partners = await ensurePartnerInstitutions(db, DEMO_PARTNERS.filter((p) => p.key === 'paris-cite'));
  const hospitals = await ensureHospitals(db);
  const classes = planProgramme(rng, today);
  const programme = await createProgramme(system, {
    input: parseOrThrow(ProgrammeInput, {
      nameEn: '8-year programme of clinical medicine (Sino-French)',
      nameZh: '临床医学八年制（中法合作）',
      nameFr: 'Programme franco-chinois de médecine clinique en 8 ans',
      durationYears: 8, language: 'fr', unitId, startedYear: classes[0]!.entryYear,
      partners: [{ institutionId: partners.get('paris-cite')! }],
      notes: 'French is the first foreign language; some basic courses are taught in French by professors the French side sends every year.',
      standingEn: 'an important cooperative programme of the Chinese and French governments',
      standingZh: '中法两国政府间的重要合作项目',
      standingFr: 'un important programme de coopération entre les gouvernements chinois et français',
    }),
  });
  const taken = new Set<string>();
  for (const c of classes) {
    const cohort = await createCohort(system, { programmeId: programme.id, input: parseOrThrow(CohortInput, { entryYear: c.entryYear, intake: c.intake }) });
    for (const s of c.students) {
      const name = inventName(rng, 'CN', taken);
      const person = await createPerson(system, { cipher, input: parseOrThrow(PersonInput, { familyName: name.familyName, givenName: name.givenName, nameZh: name.nameZh, gender: name.gender, nationality: 'CN', unitId }) });
      await recordStudentHistory(system, {
        history: {
          personId: person.id, cohortId: cohort.id, studentNumber: s.number, status: s.status, assessments: s.assessments,
          placements: s.placements.map(({ hospital, ...p }) => ({ ...p, hostInstitutionId: hospitals.get(hospital)! })),
        },
      });
    }
  }
  // Professors sent by the French side every year since the first class, two to four a year, from a pool of twelve.
  const pool: number[] = [];
  for (let i = 0; i < 12; i++) {
    const name = inventName(rng, 'FR', taken);
    pool.push((await createPerson(system, { cipher, input: parseOrThrow(PersonInput, { familyName: name.familyName, givenName: name.givenName, gender: name.gender, nationality: 'FR', title: 'Professor' }) })).id);
  }
  const lastYear = Number(today.slice(0, 4)) - 1;
  for (let year = classes[0]!.entryYear; year <= lastYear; year++)
    for (const personId of rng.shuffle(pool).slice(0, rng.int(2, 4)))
      await addVisitingProfessor(system, { programmeId: programme.id, input: parseOrThrow(VisitingProfessorInput, { personId, year, courses: rng.shuffle(COURSES).slice(0, rng.int(1, 2)).join(', '), weeks: rng.int(2, 6) }) });
}

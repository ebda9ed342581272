import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createPerson } from '../server/modules/people/people.service.ts';
import { createEnrolment } from '../server/modules/students/students.service.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import { StudentEnrolmentInput } from '../shared/contracts/students.ts';
import { addDays } from '../shared/calendar.ts';
import { NAME_POOLS } from './demo-names-data.ts';
import { inventName } from './demo-names.ts';
import { seededRng, type Rng } from './demo-random.ts';
import { STUDENT_NAME_POOLS, type StudentNamePool } from './demo-students-names.ts';
import { planStudents, type PlannedStudent } from './demo-students-plan.ts';

interface StudentName {
  familyName: string;
  givenName: string;
  nameZh: string | null;
  otherNames: string[];
  gender: 'male' | 'female';
}

/** A name from a pool of demo-students-names.ts, never one already in `taken`. */
function drawFrom(rng: Rng, pool: StudentNamePool, country: string, taken: Set<string>): StudentName {
  for (let attempt = 0; attempt < 300; attempt++) {
    const gender = rng.chance(0.45) ? 'female' : 'male';
    let name: StudentName;
    if (pool.kind === 'latin') {
      name = { familyName: rng.pick(pool.family), givenName: rng.pick(gender === 'female' ? pool.female : pool.male), nameZh: null, otherNames: [], gender };
    } else {
      const [familyLatin, familyScript] = rng.pick(pool.family);
      const given = pool.given.filter((g) => g[2] === gender);
      const [givenLatin, givenScript] = rng.pick(given);
      const own = pool.familyFirst ? `${familyScript} ${givenScript}` : `${givenScript} ${familyScript}`;
      name = { familyName: familyLatin, givenName: givenLatin, nameZh: null, otherNames: [own], gender };
    }
    const key = `${country}|${name.familyName}|${name.givenName}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return name;
  }
  // A large country outgrows its pool: a second given name tells two students apart, as it does in life.
  const name = drawFrom(rng, pool, `${country}+`, taken);
  return { ...name, givenName: `${name.givenName} ${rng.pick(pool.kind === 'latin' ? pool.male : pool.given.map((g) => g[0]))}` };
}

/** A plausible name for a student of `country`, in its own script where it has one. */
function studentName(rng: Rng, country: string, taken: Set<string>): StudentName {
  const pool = STUDENT_NAME_POOLS[country];
  if (pool) return drawFrom(rng, pool, country, taken);
  if (!NAME_POOLS[country]) throw new Error(`demo students: no name pool for ${country}`);
  const { familyName, givenName, nameZh, otherNames, gender } = inventName(rng, country, taken);
  return { familyName, givenName, nameZh, otherNames, gender };
}

/** The enrolment's dates and status as the plan has them, relative to the load date. */
function enrolmentDates(s: PlannedStudent, rng: Rng, today: string) {
  const registered = `${s.year}-09-${String(rng.int(1, 10)).padStart(2, '0')}`;
  const admittedOn = s.status === 'admitted' ? addDays(today, -rng.int(1, 60)) : `${s.year}-07-${String(rng.int(1, 20)).padStart(2, '0')}`;
  const expectedCompletionOn = `${s.year + s.programme.years}-07-01`;
  if (s.status === 'admitted') return { admittedOn, expectedCompletionOn };
  if (s.status === 'withdrawn') {
    const leftOn = addDays(registered, rng.int(60, 600));
    return { admittedOn, enrolledOn: registered, leftOn: leftOn < today ? leftOn : today, expectedCompletionOn };
  }
  if (s.status === 'graduated') return { admittedOn, enrolledOn: registered, completedOn: `${s.year + s.programme.years}-07-${String(rng.int(1, 15)).padStart(2, '0')}`, degreeAwarded: s.programme.degree, expectedCompletionOn };
  return { admittedOn, enrolledOn: registered, expectedCompletionOn };
}

/**
 * Loads the international degree students: 489 counted since 1980 (426 bachelor, 52 master, 11
 * doctorate) from 69 countries, each a person (names in their own script) and one enrolment
 * recorded as it stands today, through the services; a few who withdrew and the coming
 * intake's admissions besides, which the figures do not count. Deterministic for a load date.
 */
export async function loadDemoStudents(db: Db, cipher: Cipher, unitIds: Map<string, number>, today: string): Promise<void> {
  const system = systemContext(db);
  const rng = seededRng('demo-students');
  // The last September 1 that has come: that intake has registered.
  const thisYear = Number(today.slice(0, 4));
  const latestIntake = today >= `${thisYear}-09-11` ? thisYear : thisYear - 1;
  const taken = new Set<string>();
  let serial = 0;
  for (const s of planStudents(rng, latestIntake)) {
    const unitId = unitIds.get(s.unitCode);
    if (unitId === undefined) throw new Error(`demo students: no unit ${s.unitCode}`);
    const name = studentName(rng, s.country, taken);
    const person = await createPerson(system, { cipher, input: parseOrThrow(PersonInput, { ...name, nationality: s.country, unitId }) });
    const dates = enrolmentDates(s, rng, today);
    serial += 1;
    await createEnrolment(system, {
      input: parseOrThrow(StudentEnrolmentInput, {
        personId: person.id,
        level: s.programme.level,
        programmeEn: s.programme.programmeEn,
        programmeZh: s.programme.programmeZh,
        unitId,
        funding: s.funding,
        instructionLanguage: s.programme.language,
        studentNumber: s.status === 'admitted' ? null : `L${s.year}${String(serial).padStart(4, '0')}`,
        status: s.status,
        ...dates,
      }),
    });
  }
}

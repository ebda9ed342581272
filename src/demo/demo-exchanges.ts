import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createPeople } from '../server/modules/people/people.service.ts';
import { createApplications, createOpportunity, recordPastApplications, type ApplicationStepInput } from '../server/modules/exchanges/exchanges.service.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import { ApplicationInput, OpportunityInput } from '../shared/contracts/exchanges.ts';
import { EXCHANGE_KIND_LABELS } from '../shared/i18n/exchange-labels.ts';
import { inventName } from './demo-names.ts';
import { DEMO_PARTNERS } from './demo-partners.ts';
import { ensurePartnerInstitutions } from './demo-partner-institutions.ts';
import { seededRng } from './demo-random.ts';
import { addDays } from '../shared/calendar.ts';
import { ALLOCATION_DAY, EARLIER_HOSTS, RUNNING_YEAR_CALLS, YEAR_HOSTS, planExchanges, type PlannedOpportunity } from './demo-exchanges-plan.ts';

const CERTIFICATES = ['IELTS 7.0', 'IELTS 6.5', 'TOEFL 100', 'TOEFL 95', 'DELF B2', 'JLPT N2', 'TestDaF 4', null];

/** The places are in medicine (ISCED-F 0912), and so is the students' own field. */
const MEDICINE = '0912';

/** The EQF level a student studies at when leaving: graduate programmes and degrees at master level (7), the rest in the bachelor-level years (6). */
const eqfLevelOf = (kind: PlannedOpportunity['kind']): number => (kind === 'joint_graduate' || kind === 'degree_study' ? 7 : 6);

/**
 * The student's birth date and university address, which a nomination to a partner states:
 * derived from the student's place in the pool (no draw of the random sequence, so that every
 * other figure of the demo stays as it was), born 19 to 23 years before the load.
 */
function studentContact(i: number, today: string, name: { familyName: string; givenName: string }) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const birthDate = `${Number(today.slice(0, 4)) - 19 - (i % 5)}-${pad(1 + ((i * 7) % 12))}-${pad(1 + ((i * 11) % 28))}`;
  const ascii = (text: string) => text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return { birthDate, email: `${ascii(name.givenName)}.${ascii(name.familyName)}${i + 1}@students.demo.interchange` };
}

/**
 * Outbound student exchange (demo-exchanges-plan.ts): about 200 students sent in the last
 * complete academic year to 31 partner universities in 13 countries, and the four years before
 * it, growing. The last complete year goes through the exchanges service as the office works
 * (applications, the allocation by merit, nomination, departure, return, withdrawals); the
 * earlier years are recorded as they ended, one transaction per opportunity. The running year
 * has its calls for applications (RUNNING_YEAR_CALLS), two of them closed with the places
 * waiting to be allocated: the office's to-do list.
 */
export async function loadDemoExchanges(db: Db, cipher: Cipher, unitId: number, today: string): Promise<void> {
  const system = systemContext(db);
  const rng = seededRng('demo-exchanges');
  const keys = new Set([...YEAR_HOSTS, ...EARLIER_HOSTS]);
  const hosts = await ensurePartnerInstitutions(db, DEMO_PARTNERS.filter((p) => keys.has(p.key)));
  const plan = planExchanges(rng, today);
  // One pool of students; a student applies at most once a year.
  const largest = Math.max(...plan.years.map((y) => y.opportunities.reduce((n, o) => n + o.applicants.length, 0)));
  const taken = new Set<string>();
  const inputs = [];
  for (let i = 0; i < largest + 20; i++) {
    const name = inventName(rng, 'CN', taken);
    inputs.push(parseOrThrow(PersonInput, { familyName: name.familyName, givenName: name.givenName, nameZh: name.nameZh, gender: name.gender, nationality: 'CN', unitId, ...studentContact(i, today, name) }));
  }
  // One call for the pool: the people and audit rows createPerson writes for each, in two statements.
  const pool = (await createPeople(systemContext(db), { cipher, inputs })).map((p) => p.id);
  const opportunity = async (o: PlannedOpportunity) =>
    createOpportunity(system, {
      input: parseOrThrow(OpportunityInput, {
        titleEn: `${EXCHANGE_KIND_LABELS[o.kind].en}, ${DEMO_PARTNERS.find((p) => p.key === o.host)!.nameEn} ${o.academicYear}–${String(o.academicYear + 1).slice(2)}`,
        titleZh: `${DEMO_PARTNERS.find((p) => p.key === o.host)!.nameZh ?? ''}${EXCHANGE_KIND_LABELS[o.kind].zh}（${o.academicYear}–${o.academicYear + 1}学年）`,
        kind: o.kind, hostInstitutionId: hosts.get(o.host)!, places: o.places, academicYear: o.academicYear, unitId, startsOn: o.startsOn <= o.endsOn ? o.startsOn : null, endsOn: o.startsOn <= o.endsOn ? o.endsOn : null,
        applicationsCloseOn: o.applicationsCloseOn, iscedFCode: MEDICINE,
      }),
    });

  for (const { year, opportunities } of plan.years) {
    const students = rng.shuffle(pool);
    let next = 0;
    for (const o of opportunities) {
      const row = await opportunity(o);
      const people = o.applicants.map(() => students[next++]!);
      if (year !== plan.lastYear) {
        await recordPastApplications(system, {
          opportunityId: row.id,
          rows: o.applicants.map((a, k) => ({
            personId: people[k]!, opportunityId: row.id, appliedOn: a.appliedOn, score: a.score, languageCertificate: rng.pick(CERTIFICATES), notes: null, iscedFCode: MEDICINE, eqfLevel: eqfLevelOf(o.kind),
            status: a.fate === 'not_selected' ? (rng.chance(0.5) ? 'rejected' : 'waitlisted') : a.fate === 'withdrawn' ? 'withdrawn' : a.returnDate ? 'returned' : 'departed',
            decidedOn: `${year}-${ALLOCATION_DAY}`,
            departureDate: a.departureDate, returnDate: a.returnDate,
          })),
        });
        continue;
      }
      // The last complete year, as the office works: applications, the allocation, then each
      // selected student's steps, in one call an opportunity (the random draws in the same order).
      const inputs = o.applicants.map((a, k) => parseOrThrow(ApplicationInput, { opportunityId: row.id, personId: people[k], appliedOn: a.appliedOn, score: a.score, languageCertificate: rng.pick(CERTIFICATES), departureDate: a.departureDate, iscedFCode: MEDICINE, eqfLevel: eqfLevelOf(o.kind) }));
      const steps = o.applicants.map((a): ApplicationStepInput[] => {
        if (a.fate === 'not_selected') return rng.chance(0.5) ? [{ to: 'rejected', on: `${year}-06-01` }] : [];
        const nominated: ApplicationStepInput = { to: 'nominated', on: `${year}-05-20` };
        if (a.fate === 'withdrawn') return [nominated, { to: 'withdrawn', on: `${year}-06-15` }];
        return [nominated, { to: 'departed', on: a.departureDate! }, ...(a.returnDate ? [{ to: 'returned' as const, on: a.returnDate }] : [])];
      });
      await createApplications(system, { opportunityId: row.id, allocateOn: `${year}-${ALLOCATION_DAY}`, applications: inputs.map((input, k) => ({ input, steps: steps[k]! })) });
    }
  }

  // The running year: calls for applications, the students applying, nothing allocated yet.
  const running = plan.lastYear + 1;
  const students = rng.shuffle(pool);
  let next = 0;
  for (const call of RUNNING_YEAR_CALLS) {
    const closes = addDays(today, call.closes);
    const startsOn = addDays(today, call.starts);
    const row = await opportunity({
      host: call.host, kind: call.kind, academicYear: running, places: call.places, startsOn, endsOn: addDays(startsOn, call.weeks * 7), applicationsCloseOn: closes, applicants: [],
    });
    // applied before the closing day, and never after the load date
    const last = closes < today ? closes : today;
    const applications = [];
    for (let k = 0; k < call.applicants; k++) {
      const appliedOn = addDays(last, -rng.int(1, 40));
      const input = parseOrThrow(ApplicationInput, { opportunityId: row.id, personId: students[next++], appliedOn, score: rng.int(70, 98), languageCertificate: rng.pick(CERTIFICATES), iscedFCode: MEDICINE, eqfLevel: eqfLevelOf(call.kind) });
      // shortlisting records no date: the day only orders the step
      applications.push({ input, steps: k < call.shortlisted ? [{ to: 'shortlisted' as const, on: today }] : [] });
    }
    await createApplications(system, { opportunityId: row.id, applications });
  }
}

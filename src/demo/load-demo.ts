import type { Db } from '../server/db/client.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createUnit } from '../server/modules/units/units.service.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { createInstitution } from '../server/modules/institutions/institutions.service.ts';
import { createPerson } from '../server/modules/people/people.service.ts';
import { UnitInput } from '../shared/contracts/units.ts';
import { UserInput } from '../shared/contracts/users.ts';
import { InstitutionInput } from '../shared/contracts/institutions.ts';
import { PersonInput } from '../shared/contracts/people.ts';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-organization.ts';
import { DEMO_CATALOGUE_PICKS, DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-people.ts';
import { loadDemoAgreements } from './demo-agreements.ts';
import { loadDemoInbound } from './demo-inbound.ts';
import { loadDemoMissions } from './demo-missions.ts';
import { loadDemoHonours } from './demo-honours.ts';
import { loadDemoExchanges } from './demo-exchanges.ts';
import { loadDemoStudents } from './demo-students.ts';
import { loadDemoProgramme } from './demo-programme.ts';
import { officeToday } from '../shared/calendar.ts';
import { loadDemoDigests } from './demo-digests.ts';
import { loadDemoEwp } from './demo-ewp.ts';
import { inBatches } from './demo-transaction.ts';

/** The parts of the demo, in the order they load. */
export const DEMO_STAGES = ['organization', 'agreements', 'inbound', 'missions', 'honours', 'exchanges', 'students', 'programme', 'digests'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

/** What each part loads, for the progress line. */
const STAGE_TEXT: Record<DemoStage, string> = {
  organization: 'units, accounts, institutions and people',
  agreements: 'partners and agreements',
  inbound: 'experts, visits, conferences and inbound counts',
  missions: 'outbound missions and counts',
  honours: 'honours',
  exchanges: 'student exchanges',
  students: 'international students',
  programme: 'the Sino-French programme',
  digests: 'the daily digests',
};

/**
 * Loads the demo while a line a second says which part is loading and for how long (a first
 * start takes a while, and silence reads as a hang): rewritten in place on a terminal, one line
 * each second otherwise.
 */
export async function loadDemoShowingProgress(db: Db, cipher: Cipher, linkBase: string, out: NodeJS.WriteStream = process.stderr): Promise<typeof DEMO_ACCOUNTS> {
  const started = Date.now();
  let stage: DemoStage = 'organization';
  const line = () => `Loading the demo (${DEMO_STAGES.indexOf(stage) + 1}/${DEMO_STAGES.length}: ${STAGE_TEXT[stage]}), ${Math.round((Date.now() - started) / 1000)} s`;
  const show = () => out.write(out.isTTY ? `\r${line()}\u001b[K` : `${line()}\n`);
  const timer = setInterval(show, 1000);
  try {
    return await db.bulkLoad(() => loadDemo(db, cipher, undefined, linkBase, (next) => (stage = next)));
  } finally {
    clearInterval(timer);
    out.write(`${out.isTTY ? '\r' : ''}Demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.${out.isTTY ? '\u001b[K' : ''}\n`);
  }
}

/** Whether the database holds no users yet: the first start on a new database. */
export async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n === 0;
}

/**
 * Loads the demo: the school's units, one account per role, the organizations the seed
 * names, a few catalogue universities and the professors the seed names, then the partners
 * and their agreements (demo-agreements.ts), then the inbound side: foreign experts,
 * visits, conferences and the annual counts since 1980 (demo-inbound.ts), and the outbound
 * side: our staff's missions since 2020 and the annual counts since 1954 (demo-missions.ts), and
 * last the day's digest of each account with work waiting, its links at `linkBase`. Everything goes
 * through the same services as the API, so it is validated and audited like any write; a commit
 * takes 50 records' services at a time (demo-transaction.ts), not one, their audit rows written together.
 * Deterministic: the same database every time it loads on the same day (dates that depend
 * on "today" are relative to `today`). `onStage` hears the name of each part as it begins, for a
 * progress line.
 */
export async function loadDemo(db: Db, cipher: Cipher, today = officeToday(), linkBase = 'http://localhost:3000', onStage: (stage: DemoStage) => void = () => undefined): Promise<typeof DEMO_ACCOUNTS> {
  onStage('organization');
  const unitIds = await inBatches(db, (db) => loadOrganization(db, cipher));
  onStage('agreements');
  await inBatches(db, (db) => loadDemoAgreements(db, today));
  onStage('inbound');
  await inBatches(db, (db) => loadDemoInbound(db, cipher, today));
  onStage('missions');
  await inBatches(db, (db) => loadDemoMissions(db, cipher, today));
  onStage('honours');
  await inBatches(db, (db) => loadDemoHonours(db, cipher, unitIds));
  onStage('exchanges');
  await inBatches(db, (db) => loadDemoExchanges(db, cipher, unitIds.get('SJTUSM')!, today));
  onStage('students');
  await inBatches(db, (db) => loadDemoStudents(db, cipher, unitIds, today));
  onStage('programme');
  await inBatches(db, async (db) => {
    await loadDemoProgramme(db, cipher, unitIds.get('SJTUSM')!, today);
    await loadDemoEwp(db);
  });
  onStage('digests');
  // Not in batches: the job queue's client (pg-boss) queries the database as it likes.
  await loadDemoDigests(db, today, linkBase);
  return DEMO_ACCOUNTS;
}

/** The school's units, one account per role, the organizations and catalogue universities the seed names, and its professors. */
export async function loadOrganization(db: Db, cipher: Cipher): Promise<Map<string, number>> {
  const unitIds = new Map<string, number>();
  for (const { parentCode, ...unit } of DEMO_UNITS) {
    const parentId = parentCode ? unitIds.get(parentCode)! : null;
    const row = await createUnit(systemContext(db), { input: parseOrThrow(UnitInput, { ...unit, parentId }) });
    unitIds.set(unit.code, row.id);
  }
  for (const { unitCode, ...account } of DEMO_ACCOUNTS) {
    const unitId = unitCode ? unitIds.get(unitCode)! : null;
    await createUser(systemContext(db), { input: parseOrThrow(UserInput, { ...account, unitId }) });
  }
  for (const organization of DEMO_ORGANIZATIONS)
    await createInstitution(systemContext(db), { input: parseOrThrow(InstitutionInput, organization) });
  for (const { ref, ...names } of DEMO_CATALOGUE_PICKS) {
    const { rows } = await db.query<{ name: string; countryCode: string; city: string | null; website: string | null; erasmusCode: string | null; pic: string | null }>(
      `SELECT name, country_code AS "countryCode", city, website, erasmus_code AS "erasmusCode", pic FROM reference_institutions WHERE ref = $1`,
      [ref],
    );
    const entry = rows[0];
    if (!entry) continue;
    await createInstitution(systemContext(db), { input: parseOrThrow(InstitutionInput, { kind: 'university', ...names, otherNames: [entry.name], countryCode: entry.countryCode, city: entry.city, website: entry.website?.startsWith('http') ? entry.website : null, erasmusCode: entry.erasmusCode, pic: entry.pic, referenceRef: ref }) });
  }
  for (const { unitCode, ...person } of DEMO_PEOPLE)
    await createPerson(systemContext(db), { input: parseOrThrow(PersonInput, { ...person, unitId: unitIds.get(unitCode)! }), cipher });
  return unitIds;
}

/** Prints the demo accounts so that the first start tells the user how to sign in. */
export function printDemoAccounts(accounts: typeof DEMO_ACCOUNTS): void {
  console.log('\nDemo data loaded. Sign in with one of these demo accounts:');
  for (const a of accounts) console.log(`  ${a.role.padEnd(12)} ${a.email.padEnd(32)} ${a.password}`);
  console.log('');
}

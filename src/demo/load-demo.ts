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
 * through the same services as the API, so it is validated and audited like any write.
 * Deterministic: the same database every time it loads on the same day (dates that depend
 * on "today" are relative to `today`).
 */
export async function loadDemo(db: Db, cipher: Cipher, today = officeToday(), linkBase = 'http://localhost:3000'): Promise<typeof DEMO_ACCOUNTS> {
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
  await loadDemoAgreements(db, today);
  await loadDemoInbound(db, cipher, today);
  await loadDemoMissions(db, cipher, today);
  await loadDemoHonours(db, cipher, unitIds);
  await loadDemoExchanges(db, cipher, unitIds.get('SJTUSM')!, today);
  await loadDemoStudents(db, cipher, unitIds, today);
  await loadDemoProgramme(db, cipher, unitIds.get('SJTUSM')!, today);
  await loadDemoDigests(db, today, linkBase);
  return DEMO_ACCOUNTS;
}

/** Prints the demo accounts so that the first start tells the user how to sign in. */
export function printDemoAccounts(accounts: typeof DEMO_ACCOUNTS): void {
  console.log('\nDemo data loaded. Sign in with one of these demo accounts:');
  for (const a of accounts) console.log(`  ${a.role.padEnd(12)} ${a.email.padEnd(32)} ${a.password}`);
  console.log('');
}

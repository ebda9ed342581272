import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as playwrightRequest, type Browser, type Page } from 'playwright-core';
import { institutionBody, missionBody, personBody, visitBody } from '../src/server/test/factories.ts';
import { launchChromium, signIn, startInterchange } from './support.ts';

/**
 * What each role is offered on the main record pages: Edit and Delete in the header, and the
 * workflow steps, as the shared policy table and the office's own steps say. Viewers and
 * leaders read only; the Ruijin coordinator edits Ruijin's records but not partners, and may
 * not approve or reject a visit or a mission; officers and administrators may do everything.
 * One server, one browser; the records are made fresh in Ruijin through the API, titled alike
 * in English and Chinese (the users' own languages differ).
 */
type Role = 'viewer' | 'leader' | 'coordinator' | 'officer' | 'admin';
type PageName = 'institution' | 'person' | 'visit' | 'mission' | 'student';
interface Offer {
  edit: boolean;
  delete: boolean;
  /** The workflow buttons shown (their test ids), for the pages with a workflow. */
  steps?: string[];
}

const READ_ONLY: Record<PageName, Offer> = {
  institution: { edit: false, delete: false },
  person: { edit: false, delete: false },
  visit: { edit: false, delete: false, steps: [] },
  mission: { edit: false, delete: false, steps: [] },
  student: { edit: false, delete: false, steps: [] },
};
const OFFICE: Record<PageName, Offer> = {
  institution: { edit: true, delete: true },
  person: { edit: true, delete: true },
  visit: { edit: true, delete: true, steps: ['visit-to-approved', 'visit-to-cancelled', 'visit-to-rejected'] },
  mission: { edit: true, delete: true, steps: ['mission-to-approved', 'mission-to-cancelled', 'mission-to-rejected'] },
  student: { edit: true, delete: true, steps: ['student-to-enrolled', 'student-to-withdrawn'] },
};
const EXPECTED: Record<Role, Record<PageName, Offer>> = {
  viewer: READ_ONLY,
  leader: READ_ONLY,
  coordinator: {
    institution: { edit: false, delete: false },
    person: { edit: true, delete: true },
    visit: { edit: true, delete: true, steps: ['visit-to-cancelled'] },
    mission: { edit: true, delete: true, steps: ['mission-to-cancelled'] },
    student: { edit: true, delete: true, steps: ['student-to-enrolled', 'student-to-withdrawn'] },
  },
  officer: OFFICE,
  admin: OFFICE,
};

let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;
const urls = {} as Record<PageName, string>;
const titles = {} as Record<PageName, string>;

beforeAll(async () => {
  server = await startInterchange();
  browser = await launchChromium();
  const api = await playwrightRequest.newContext({ baseURL: server.base });
  const signIn = await api.post('/api/auth/sign-in', { data: { email: 'admin@demo.interchange', password: 'demo-admin-password' } });
  expect(signIn.status()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const post = async (url: string, body: unknown) => {
    const answer = await api.post(url, { data: body, headers: { 'x-csrf-token': csrfToken } });
    expect(answer.status(), `${url}: ${await answer.text()}`).toBeLessThan(300);
    return (await answer.json()) as { id: number };
  };
  const units = (await (await api.get('/api/units')).json()) as Array<{ id: number; code: string }> | { items: Array<{ id: number; code: string }> };
  const ruijin = (Array.isArray(units) ? units : units.items).find((u) => u.code === 'RUIJIN')!.id;
  const institution = institutionBody({ nameEn: 'Role Journey University' });
  const person = personBody({ familyName: 'Rolejourney', unitId: ruijin });
  const visit = visitBody(ruijin, [], { titleEn: 'Role journey visit', titleZh: 'Role journey visit 来访' });
  const mission = missionBody(ruijin, [], { titleEn: 'Role journey mission', titleZh: 'Role journey mission 出访' });
  urls.institution = `/institutions/${(await post('/api/institutions', institution)).id}`;
  titles.institution = institution.nameEn;
  const personId = (await post('/api/people', person)).id;
  urls.person = `/people/${personId}`;
  titles.person = 'Rolejourney';
  urls.visit = `/visits/${(await post('/api/visits', { ...visit, members: [{ personId, roleInDelegation: 'head' }] })).id}`;
  titles.visit = visit.titleEn;
  urls.mission = `/missions/${(await post('/api/missions', { ...mission, members: [{ personId, role: 'leader' }] })).id}`;
  titles.mission = mission.titleEn;
  const student = { personId, level: 'bachelor', programmeEn: 'Role journey MBBS', unitId: ruijin, countryCode: 'FR', admittedOn: '2024-07-01' };
  urls.student = `/students/${(await post('/api/students', student)).id}`;
  titles.student = 'Rolejourney';
  await api.dispose();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the page at `url` offers, once its record (titled `title`) is shown. */
async function offered(page: Page, url: string, title: string, name: PageName): Promise<Offer> {
  await page.goto(`${server.base}${url}`);
  const heading = page.locator('h1', { hasText: title }).first();
  await heading.waitFor();
  // The page header: the title's block and the actions beside it.
  const header = heading.locator('xpath=../..');
  const offer: Offer = { edit: (await header.locator('button:has(.anticon-edit)').count()) > 0, delete: (await header.locator('button:has(.anticon-delete)').count()) > 0 };
  if (EXPECTED.admin[name].steps) {
    const prefix = `${name}-to-`;
    await page.locator(`[data-testid="${name}-workflow"], [data-testid^="${prefix}"], .ant-steps`).first().waitFor();
    const ids = await page.locator(`[data-testid^="${prefix}"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!));
    offer.steps = [...new Set(ids)].filter((id) => /^[a-z]+-to-[a-z_]+$/.test(id)).sort();
  }
  return offer;
}

describe('what each role is offered on a record page', () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    it(`${role}: Edit, Delete and the workflow steps only where the policy allows`, async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await signIn(page, server.base, `${role}@demo.interchange`, `demo-${role}-password`);
      const seen = {} as Record<PageName, Offer>;
      for (const name of Object.keys(urls) as PageName[]) seen[name] = await offered(page, urls[name], titles[name], name);
      await context.close();
      expect(seen).toEqual(EXPECTED[role]);
    });
  }
});

describe('a record\'s history in the reader\'s words', () => {
  it('labels a visit\'s fields and names its host unit and visitors, not hostUnitId and a JSON blob', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    await page.goto(`${server.base}${urls.visit}`);
    await page.getByTestId('record-history-entry').first().waitFor();
    const history = await page.getByTestId('record-history').innerText();
    await context.close();
    // the host unit's row reads its name, not its id
    expect(history).toMatch(/Host unit\t[^\n]*Ruijin/i);
    expect(history).toContain('Rolejourney');
    expect(history).not.toContain('hostUnitId');
    expect(history).not.toContain('{"');
  });
});

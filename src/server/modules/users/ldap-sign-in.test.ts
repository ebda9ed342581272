import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, PASSWORD, startTestServer, type TestServer } from '../../test/harness.ts';
import { startTestDirectory, type TestDirectory } from '../../test/slapd.ts';

// LDAP sign-in against a real OpenLDAP (Debian's slapd) started on 127.0.0.1 for this file,
// on a server that has local passwords turned off but for its break-glass admin.

let t: TestServer;
let directory: TestDirectory;

const person = (suffix: string, uid: string, extra: string) =>
  `dn: uid=${uid},ou=people,${suffix}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: ${uid} Example\nsn: ${uid}\nmail: ${uid}@uni.example\nuserPassword: ${uid}-password\n${extra}\n`;

beforeAll(async () => {
  directory = await startTestDirectory(
    (suffix) =>
      `dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people\n\n` +
      person(suffix, 'amy', 'businessCategory: staff\nbusinessCategory: ie-office\n') +
      person(suffix, 'ben', '') +
      person(suffix, 'cai', 'businessCategory: ie-coordinators\ndepartmentNumber: A\n') +
      person(suffix, 'dora', 'pwdAccountLockedTime: 20250101000000Z\n') +
      person(suffix, 'eve', 'employeeType: disabled\n') +
      person(suffix, 'fay', '') +
      person(suffix, 'gus', ''),
  );
  t = await startTestServer({
    env: {
      INTERCHANGE_LDAP_URL: directory.url,
      INTERCHANGE_LDAP_BIND_DN: directory.bindDn,
      INTERCHANGE_LDAP_BIND_PASSWORD: directory.bindPassword,
      INTERCHANGE_LDAP_BASE_DN: `ou=people,${directory.suffix}`,
      INTERCHANGE_LDAP_USER_FILTER: '(&(objectClass=inetOrgPerson)(uid={{username}}))',
      INTERCHANGE_LDAP_DISABLED_FILTER: '(employeeType=disabled)',
      INTERCHANGE_LDAP_ROLE_ATTRIBUTE: 'businessCategory',
      INTERCHANGE_LDAP_ROLE_MAP: JSON.stringify({ 'ie-admins': 'admin', 'ie-office': 'officer', 'ie-coordinators': 'coordinator' }),
      INTERCHANGE_LDAP_UNIT_ATTRIBUTE: 'departmentNumber',
      INTERCHANGE_LDAP_NAME: 'University directory',
      INTERCHANGE_LOCAL_PASSWORDS: 'off',
      INTERCHANGE_BREAK_GLASS_ADMIN: emailOf('admin'),
      INTERCHANGE_METRICS_TOKEN: 'metrics-token',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await directory?.close();
});

const ldapSignIn = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/ldap/sign-in', remoteAddress, payload: { username, password } });
const userByEmail = async (email: string) =>
  (await t.db.query('SELECT id, role, unit_id::int AS "unitId", display_name AS "displayName" FROM users WHERE email = $1', [email])).rows[0];

describe('LDAP sign-in', () => {
  it('says the directory form is on and passwords are off', async () => {
    const methods = await t.app.inject({ method: 'GET', url: '/api/auth/methods' });
    expect(methods.json()).toEqual({ password: false, oidc: null, ldap: { name: 'University directory' } });
  });

  it('signs in by binding as the person found, creating the user with the role its attribute maps to', async () => {
    const response = await ldapSignIn('amy', 'amy-password');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ email: 'amy@uni.example', role: 'officer' });
    const cookie = response.cookies.find((c) => c.name === 'interchange_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `interchange_session=${cookie.value}` } });
    expect(me.json().user).toMatchObject({ email: 'amy@uni.example', displayName: 'amy Example' });
    const link = await t.db.query("SELECT issuer, subject FROM external_accounts WHERE provider = 'ldap'");
    expect(link.rows).toEqual([{ issuer: directory.url, subject: `uid=amy,ou=people,${directory.suffix}` }]);
    // The second sign-in finds the same user.
    expect((await ldapSignIn('amy', 'amy-password')).statusCode).toBe(200);
    expect((await t.db.query("SELECT count(*)::int AS n FROM users WHERE email = 'amy@uni.example'")).rows[0]!.n).toBe(1);
  });

  it('makes a person without a mapped value a viewer, and a coordinator of the unit its attribute names', async () => {
    expect((await ldapSignIn('ben', 'ben-password')).statusCode).toBe(200);
    expect(await userByEmail('ben@uni.example')).toMatchObject({ role: 'viewer', unitId: null });
    expect((await ldapSignIn('cai', 'cai-password')).statusCode).toBe(200);
    expect(await userByEmail('cai@uni.example')).toMatchObject({ role: 'coordinator', unitId: t.units.a });
  });

  it('refuses a wrong password and an unknown name alike', async () => {
    const wrong = await ldapSignIn('fay', 'not-her-password');
    const unknown = await ldapSignIn('nobody', 'whatever');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error.code).toBe('invalid_credentials');
    expect(await userByEmail('fay@uni.example')).toBeUndefined();
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-token' } });
    const rejected = /interchange_sign_in_failures_total\{reason="rejected"\} (\d+)/.exec(metrics.body);
    expect(Number(rejected?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('refuses a disabled directory account: locked by the password policy, or matching the disabled filter', async () => {
    const locked = await ldapSignIn('dora', 'dora-password');
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error.code).toBe('account_disabled');
    const disabled = await ldapSignIn('eve', 'eve-password', '127.0.0.2');
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().error.code).toBe('account_disabled');
    expect(await userByEmail('dora@uni.example')).toBeUndefined();
    expect(await userByEmail('eve@uni.example')).toBeUndefined();
  });

  it('escapes the user name in the filter: injected filter syntax matches nobody', async () => {
    for (const username of ['*)(uid=*', '*', 'amy)(|(uid=*', 'am*'])
      expect((await ldapSignIn(username, 'amy-password', '127.0.0.3')).statusCode, username).toBe(401);
  });

  it('goes through the password throttle', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ldapSignIn('gus', 'wrong', '127.0.0.4')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  it('refuses passwords but the break-glass admin\'s, in the caller\'s language', async () => {
    const answers = [];
    for (const locale of ['en', 'zh', 'fr']) {
      const refused = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'accept-language': locale }, payload: { email: emailOf('officer'), password: PASSWORD } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('local_passwords_off');
      answers.push(refused.json().error.message);
    }
    expect(new Set(answers).size).toBe(3);
    const admin = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: emailOf('admin'), password: PASSWORD } });
    expect(admin.statusCode).toBe(200);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: emailOf('admin'), password: 'wrong' } });
    expect(wrong.statusCode).toBe(401);
  });
});

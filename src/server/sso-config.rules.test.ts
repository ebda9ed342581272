import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('single sign-on settings', () => {
  it('are off by default, with local passwords on', () => {
    expect(readConfig({}).sso).toEqual({ oidc: null, ldap: null, localPasswords: true, breakGlassAdmin: null, linkByEmail: false });
  });

  it('say, one line per variable, what is wrong or missing', () => {
    const problems = problemsOf({
      INTERCHANGE_OIDC_ISSUER: 'http://id.school.edu.cn',
      INTERCHANGE_OIDC_ROLE_MAP: '{"ie-office":"boss"}',
      INTERCHANGE_LDAP_URL: 'https://ldap.school.edu.cn',
      INTERCHANGE_LDAP_USER_FILTER: '(uid=fixed)',
      INTERCHANGE_BREAK_GLASS_ADMIN: 'admin',
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('INTERCHANGE_OIDC_ISSUER='))).toContain('https://');
    expect(problems.find((p) => p.startsWith('INTERCHANGE_OIDC_ROLE_MAP='))).toContain('"boss"');
    expect(problems.find((p) => p.startsWith('INTERCHANGE_LDAP_URL='))).toContain('ldap://');
    expect(problems.find((p) => p.startsWith('INTERCHANGE_LDAP_USER_FILTER='))).toContain('{{username}}');
    expect(problems.find((p) => p.startsWith('INTERCHANGE_BREAK_GLASS_ADMIN='))).toContain('email');
  });

  it('name the variable another one needs', () => {
    const problems = problemsOf({ INTERCHANGE_OIDC_ISSUER: 'https://id.school.edu.cn', INTERCHANGE_LDAP_URL: 'ldaps://ldap.school.edu.cn' });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['INTERCHANGE_OIDC_CLIENT_ID', 'INTERCHANGE_OIDC_REDIRECT_URL', 'INTERCHANGE_LDAP_BASE_DN']);
    expect(problemsOf({ INTERCHANGE_LOCAL_PASSWORDS: 'off' })[0]).toContain('no way to sign in');
  });

  it('derive the redirect address from the public address, and keep the role map in its order', () => {
    const { sso } = readConfig({
      INTERCHANGE_PUBLIC_URL: 'https://ie.school.edu.cn/',
      INTERCHANGE_OIDC_ISSUER: 'https://id.school.edu.cn',
      INTERCHANGE_OIDC_CLIENT_ID: 'interchange',
      INTERCHANGE_OIDC_ROLE_CLAIM: 'groups',
      INTERCHANGE_OIDC_ROLE_MAP: '{"ie-admins":"admin","ie-office":"officer"}',
      INTERCHANGE_LOCAL_PASSWORDS: 'off',
      INTERCHANGE_BREAK_GLASS_ADMIN: 'Root@School.edu.cn',
    });
    expect(sso.oidc).toMatchObject({ redirectUrl: 'https://ie.school.edu.cn/api/auth/oidc/callback', postLogoutUrl: 'https://ie.school.edu.cn/sign-in', clientSecret: null });
    expect(sso.oidc?.roleMap).toEqual([['ie-admins', 'admin'], ['ie-office', 'officer']]);
    expect(sso).toMatchObject({ localPasswords: false, breakGlassAdmin: 'root@school.edu.cn' });
  });
});

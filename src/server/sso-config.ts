import { z } from 'zod';
import { ROLES, type Role } from '../shared/roles.ts';
import { httpUrl, yesNo } from './config-rules.ts';

/**
 * What a directory or an identity provider says about a person, turned into Interchange's
 * role and unit at their first sign-in: `roleMap` lists claim or attribute values with the
 * role each gives, in priority order (the first the person has wins; none: viewer); the unit
 * is the value of `unitClaim`/`unitAttribute` read as a unit's code (unknown: no unit).
 */
export interface RoleMapping {
  roleMap: Array<[value: string, role: Role]>;
}

/** OpenID Connect sign-in (authorization code with PKCE). */
export interface OidcConfig extends RoleMapping {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret: string | null;
  redirectUrl: string;
  /** Where the provider sends the browser back after its own sign-out. */
  postLogoutUrl: string | null;
  /** Shown on the sign-in page: "Sign in with <name>". */
  name: string;
  scopes: string;
  /** The claim holding role values (a string or a list of strings), e.g. `groups`. */
  roleClaim: string | null;
  /** The claim holding the unit's code. */
  unitClaim: string | null;
}

/** LDAP sign-in: search the person's entry with a service account, then bind as them. */
export interface LdapConfig extends RoleMapping {
  url: string;
  bindDn: string | null;
  bindPassword: string | null;
  baseDn: string;
  /** With `{{username}}` where the (escaped) user name goes, e.g. `(uid={{username}})`. */
  userFilter: string;
  /** An entry matching this filter too is refused, e.g. `(employeeType=disabled)`. */
  disabledFilter: string | null;
  emailAttribute: string;
  nameAttribute: string;
  roleAttribute: string | null;
  unitAttribute: string | null;
  name: string;
}

export interface SsoConfig {
  oidc: OidcConfig | null;
  ldap: LdapConfig | null;
  /** INTERCHANGE_LOCAL_PASSWORDS: when off, only the break-glass admin signs in with a password. */
  localPasswords: boolean;
  /** The one account that keeps its password when local passwords are off (an email). */
  breakGlassAdmin: string | null;
  /** An existing user with the same email is linked at a first single sign-on (otherwise refused). */
  linkByEmail: boolean;
}

const text = z.string().trim();

const roleMap = z
  .string()
  .trim()
  .transform((v, ctx) => {
    try {
      const parsed: unknown = JSON.parse(v);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const pairs = Object.entries(parsed as Record<string, unknown>);
        const bad = pairs.find(([, role]) => !ROLES.includes(role as Role));
        if (!bad) return pairs as Array<[string, Role]>;
        ctx.addIssue({ code: 'custom', message: `gives "${bad[0]}" the role ${JSON.stringify(bad[1])}, which is none of ${ROLES.join(', ')}` });
        return z.NEVER;
      }
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'is not a JSON object of value → role, e.g. {"ie-office":"officer","ie-admins":"admin"}' });
    return z.NEVER;
  });

const ldapUrl = text.refine((v) => URL.canParse(v) && ['ldap:', 'ldaps:'].includes(new URL(v).protocol), {
  message: 'is not an ldap:// or ldaps:// address',
});

const filter = text.refine((v) => v.startsWith('(') && v.endsWith(')'), { message: 'is not an LDAP filter in parentheses, e.g. (uid={{username}})' });

const email = text.toLowerCase().regex(/^[^@\s]+@[^@\s]+$/, { message: 'is not an email address' });

/** The single sign-on variables, each checked on its own (config.ts reads them with the rest). */
export const SSO_VARIABLES = {
  INTERCHANGE_LOCAL_PASSWORDS: yesNo,
  INTERCHANGE_BREAK_GLASS_ADMIN: email,
  INTERCHANGE_SSO_LINK_BY_EMAIL: yesNo,
  INTERCHANGE_OIDC_ISSUER: httpUrl.refine((v) => v.startsWith('https:') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(v).hostname), {
    message: 'must be an https:// address (http:// only on 127.0.0.1 or localhost)',
  }),
  INTERCHANGE_OIDC_CLIENT_ID: text,
  INTERCHANGE_OIDC_CLIENT_SECRET: z.string(),
  INTERCHANGE_OIDC_REDIRECT_URL: httpUrl,
  INTERCHANGE_OIDC_NAME: text,
  INTERCHANGE_OIDC_SCOPES: text.refine((v) => v.split(/\s+/).includes('openid'), { message: 'must include openid' }),
  INTERCHANGE_OIDC_ROLE_CLAIM: text,
  INTERCHANGE_OIDC_ROLE_MAP: roleMap,
  INTERCHANGE_OIDC_UNIT_CLAIM: text,
  INTERCHANGE_LDAP_URL: ldapUrl,
  INTERCHANGE_LDAP_BIND_DN: text,
  INTERCHANGE_LDAP_BIND_PASSWORD: z.string(),
  INTERCHANGE_LDAP_BASE_DN: text,
  INTERCHANGE_LDAP_USER_FILTER: filter.refine((v) => v.includes('{{username}}'), { message: 'must contain {{username}}' }),
  INTERCHANGE_LDAP_DISABLED_FILTER: filter,
  INTERCHANGE_LDAP_EMAIL_ATTRIBUTE: text,
  INTERCHANGE_LDAP_NAME_ATTRIBUTE: text,
  INTERCHANGE_LDAP_ROLE_ATTRIBUTE: text,
  INTERCHANGE_LDAP_ROLE_MAP: roleMap,
  INTERCHANGE_LDAP_UNIT_ATTRIBUTE: text,
  INTERCHANGE_LDAP_NAME: text,
} as const;

type SsoValues = { [K in keyof typeof SSO_VARIABLES]?: z.output<(typeof SSO_VARIABLES)[K]> };

/**
 * The single sign-on settings from the variables read, adding a problem line for each
 * variable that is missing where another needs it (an issuer without a client id, local
 * passwords off with no other way in).
 */
export function ssoConfig(values: SsoValues, publicUrl: string | null, problems: string[]): SsoConfig {
  const need = (name: string, because: string) => problems.push(`${name} is not set: ${because}`);
  let oidc: OidcConfig | null = null;
  if (values.INTERCHANGE_OIDC_ISSUER) {
    const redirectUrl = values.INTERCHANGE_OIDC_REDIRECT_URL ?? (publicUrl ? `${publicUrl}/api/auth/oidc/callback` : null);
    if (!values.INTERCHANGE_OIDC_CLIENT_ID) need('INTERCHANGE_OIDC_CLIENT_ID', 'INTERCHANGE_OIDC_ISSUER needs the client id registered with the provider');
    if (!redirectUrl) need('INTERCHANGE_OIDC_REDIRECT_URL', 'set it (…/api/auth/oidc/callback) or INTERCHANGE_PUBLIC_URL, from which it is derived');
    if (values.INTERCHANGE_OIDC_ROLE_MAP && !values.INTERCHANGE_OIDC_ROLE_CLAIM) need('INTERCHANGE_OIDC_ROLE_CLAIM', 'INTERCHANGE_OIDC_ROLE_MAP needs the claim it maps');
    oidc = {
      issuer: values.INTERCHANGE_OIDC_ISSUER,
      clientId: values.INTERCHANGE_OIDC_CLIENT_ID ?? '',
      clientSecret: values.INTERCHANGE_OIDC_CLIENT_SECRET || null,
      redirectUrl: redirectUrl ?? '',
      postLogoutUrl: publicUrl ? `${publicUrl}/sign-in` : redirectUrl ? new URL('/sign-in', redirectUrl).href : null,
      name: values.INTERCHANGE_OIDC_NAME ?? 'single sign-on',
      scopes: values.INTERCHANGE_OIDC_SCOPES ?? 'openid email profile',
      roleClaim: values.INTERCHANGE_OIDC_ROLE_CLAIM ?? null,
      roleMap: values.INTERCHANGE_OIDC_ROLE_MAP ?? [],
      unitClaim: values.INTERCHANGE_OIDC_UNIT_CLAIM ?? null,
    };
  }
  let ldap: LdapConfig | null = null;
  if (values.INTERCHANGE_LDAP_URL) {
    if (!values.INTERCHANGE_LDAP_BASE_DN) need('INTERCHANGE_LDAP_BASE_DN', 'INTERCHANGE_LDAP_URL needs the entry under which people are searched');
    if (values.INTERCHANGE_LDAP_ROLE_MAP && !values.INTERCHANGE_LDAP_ROLE_ATTRIBUTE) need('INTERCHANGE_LDAP_ROLE_ATTRIBUTE', 'INTERCHANGE_LDAP_ROLE_MAP needs the attribute it maps');
    ldap = {
      url: values.INTERCHANGE_LDAP_URL,
      bindDn: values.INTERCHANGE_LDAP_BIND_DN ?? null,
      bindPassword: values.INTERCHANGE_LDAP_BIND_PASSWORD ?? null,
      baseDn: values.INTERCHANGE_LDAP_BASE_DN ?? '',
      userFilter: values.INTERCHANGE_LDAP_USER_FILTER ?? '(uid={{username}})',
      disabledFilter: values.INTERCHANGE_LDAP_DISABLED_FILTER ?? null,
      emailAttribute: values.INTERCHANGE_LDAP_EMAIL_ATTRIBUTE ?? 'mail',
      nameAttribute: values.INTERCHANGE_LDAP_NAME_ATTRIBUTE ?? 'cn',
      roleAttribute: values.INTERCHANGE_LDAP_ROLE_ATTRIBUTE ?? null,
      roleMap: values.INTERCHANGE_LDAP_ROLE_MAP ?? [],
      unitAttribute: values.INTERCHANGE_LDAP_UNIT_ATTRIBUTE ?? null,
      name: values.INTERCHANGE_LDAP_NAME ?? 'directory',
    };
  }
  const localPasswords = values.INTERCHANGE_LOCAL_PASSWORDS ?? true;
  if (!localPasswords && !oidc && !ldap)
    problems.push('INTERCHANGE_LOCAL_PASSWORDS=off leaves no way to sign in: set INTERCHANGE_OIDC_ISSUER or INTERCHANGE_LDAP_URL too');
  return {
    oidc,
    ldap,
    localPasswords,
    breakGlassAdmin: values.INTERCHANGE_BREAK_GLASS_ADMIN ?? null,
    linkByEmail: values.INTERCHANGE_SSO_LINK_BY_EMAIL ?? false,
  };
}

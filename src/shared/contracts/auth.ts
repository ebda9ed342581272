import { z } from 'zod';
import { Locale, RequiredName } from './common.ts';
import { ROLES } from '../roles.ts';
import { POLICIES, type Entity } from '../policies.ts';

export const Role = z.enum(ROLES);

export const SignInInput = z.object({
  email: z.string().trim().email().max(200),
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const CurrentUser = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.number().nullable(),
  locale: Locale,
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** What the browser gets after sign-in or from /api/auth/me: the user and the CSRF token. */
export const SessionInfo = z.object({ user: CurrentUser, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12).max(200),
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const PreferencesInput = z.object({ locale: Locale });

/** What a token may do: read only (GET), or read and write as its user may. */
export const TOKEN_SCOPES = ['read_only', 'read_write'] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;
/** A token lives 90 days unless asked otherwise, and never more than a year. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
/** The modules (entities of the policy table) a token can be limited to. */
export const TOKEN_MODULES = Object.keys(POLICIES) as [Entity, ...Entity[]];

export const ApiTokenInput = z.object({
  name: RequiredName(100),
  /** Read only unless asked: a script that only exports needs no more. */
  scope: TokenScope.default('read_only'),
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS),
  /** Null (or absent): every module its user may reach. */
  modules: z.array(z.enum(TOKEN_MODULES)).min(1).max(TOKEN_MODULES.length).nullable().default(null),
});
export const ApiToken = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scope: TokenScope,
  modules: z.array(z.string()).nullable(),
  expiresAt: z.string(),
});
export type ApiToken = z.infer<typeof ApiToken>;
/** Returned once, when the token is created: the secret itself is never stored. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });

/** The ways to sign in this server offers (GET /api/auth/methods, public): the sign-in page shows those. */
export const SignInMethods = z.object({
  password: z.boolean(),
  oidc: z.object({ name: z.string() }).nullable(),
  ldap: z.object({ name: z.string() }).nullable(),
});
export type SignInMethods = z.infer<typeof SignInMethods>;

/** Sign-in with a directory (LDAP) account: its user name, not an email. */
export const LdapSignInInput = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type LdapSignInInput = z.infer<typeof LdapSignInInput>;

/** Where to go back to after signing in with the identity provider: a path of this site. */
export const OidcStartQuery = z.object({ redirect: z.string().max(2000).optional() });

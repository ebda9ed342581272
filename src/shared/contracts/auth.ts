import { z } from 'zod';
import { Locale } from './common.ts';
import { ROLES } from '../roles.ts';

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

export const ApiTokenInput = z.object({ name: z.string().trim().min(1).max(100) });
export const ApiToken = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
/** Returned once, when the token is created: the secret itself is never stored. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });

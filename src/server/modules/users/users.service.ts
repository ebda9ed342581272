import { changedBy } from '../../core/unchanged-write.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { DomainError, invalidFields, notFound, currentVersion } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Actor } from '../../policies/actor.ts';
import type { z } from 'zod';
import type { UserInput as UserInputSchema, UserUpdate as UserUpdateSchema } from '../../../shared/contracts/users.ts';
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { findUserByEmail, findUserById, insertUser, updateUserRow, type UserRow } from './users.repo.ts';
import { type SignedInWith, deleteSessionsOfUser, findApiToken, findSession, insertApiToken, insertSession, listApiTokens, revokeApiToken, revokeApiTokensOfUser } from './sessions.repo.ts';
import { throttledCheck } from './sign-in-throttle.ts';
import type { ApiTokenInput } from '../../../shared/contracts/auth.ts';

/** A user as the API shows it: never the password hash. */
export function presentUser(row: UserRow) {
  const { passwordHash: _hash, ...user } = row;
  return user;
}

async function unitExists(db: Queryable, unitId: number | null): Promise<boolean> {
  if (unitId === null) return true;
  const { rowCount } = await db.query('SELECT 1 FROM units WHERE id = $1', [unitId]);
  return (rowCount ?? 0) > 0;
}

/** Creates a user; generates a password unless one is given and returns it once. */
export async function createUser(ctx: RequestContext, options: { input: z.output<typeof UserInputSchema> }) {
  const { input } = options;
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return ctx.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw invalidFields({ field: 'email', reason: 'duplicate' });
    if (!(await unitExists(tx, input.unitId))) throw invalidFields({ field: 'unitId', reason: 'unknown_reference' });
    const row = await insertUser(tx, { ...input, passwordHash });
    await tx.audit({ action: 'create', entity: 'user', entityId: row.id, after: presentUser(row) });
    return { ...presentUser(row), ...(input.password ? {} : { password }) };
  });
}

/** Changes a user's profile, role, unit or disabled flag. Disabling ends their sessions. */
export async function updateUser(ctx: RequestContext, options: { id: number; input: z.output<typeof UserUpdateSchema> }) {
  const { id, input } = options;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findUserById(tx, id, true), input.version, presentUser);
    const role = input.role ?? current.role;
    const unitId = input.unitId !== undefined ? input.unitId : current.unitId;
    if ((role === 'coordinator') !== (unitId !== null)) throw invalidFields({ field: 'unitId', reason: 'coordinator_needs_unit' });
    if (!(await unitExists(tx, unitId))) throw invalidFields({ field: 'unitId', reason: 'unknown_reference' });
    if (input.email && input.email.toLowerCase() !== current.email.toLowerCase() && (await findUserByEmail(tx, input.email)))
      throw invalidFields({ field: 'email', reason: 'duplicate' });
    const row = await changedBy(tx, current, () => updateUserRow(tx, id, { ...input, role, unitId }));
    if (!row) return presentUser(current);
    if (row.disabled || row.role !== current.role || row.unitId !== current.unitId) await deleteSessionsOfUser(tx, id);
    await tx.audit({ action: 'update', entity: 'user', entityId: id, before: presentUser(current), after: presentUser(row) });
    // Disabling ends the tokens for good: enabling the user again does not bring them back.
    const revoked = row.disabled ? await revokeApiTokensOfUser(tx, id) : 0;
    if (revoked) await tx.audit({ action: 'token_revoke', entity: 'user', entityId: id, after: { because: 'user_disabled', tokensRevoked: revoked } });
    return presentUser(row);
  });
}

/**
 * Checks a password and opens a session. Unknown email, disabled account and wrong password
 * fail alike, in the same time (a dummy hash is checked when there is no real one), and every
 * attempt goes through the throttle (429 when it refuses).
 */
export async function signIn(
  options: { email: string; password: string; ip: string | null; userAgent: string | null; sessionHours: number; passwords?: PasswordRule },
  db: Db,
) {
  const rule = options.passwords ?? { localPasswords: true, breakGlassAdmin: null };
  const breakGlass = !rule.localPasswords && rule.breakGlassAdmin !== null && rule.breakGlassAdmin === options.email.trim().toLowerCase();
  if (!rule.localPasswords && !breakGlass) throw new DomainError('local_passwords_off', 'forbidden');
  const found: { user: UserRow | null } = { user: null };
  const ok = await throttledCheck(db, { account: options.email, address: options.ip ?? 'unknown' }, async () => {
    const user = (found.user = await findUserByEmail(db, options.email));
    return user && !user.disabled ? verifyPassword(user.passwordHash, options.password) : verifyAgainstDummy(options.password);
  });
  if (!ok || !found.user) throw new DomainError('invalid_credentials', 'unauthenticated');
  // The break-glass account keeps its password only while it is an admin.
  if (breakGlass && found.user.role !== 'admin') throw new DomainError('local_passwords_off', 'forbidden');
  return openSession(found.user, options, db);
}

/** Whether local passwords are on and, when they are off, the one admin who keeps theirs (config.sso). */
export interface PasswordRule {
  localPasswords: boolean;
  breakGlassAdmin: string | null;
}

/**
 * Opens a session for a user whose credentials were checked (a password here, or an identity
 * provider or a directory: sso-sign-in.ts), and audits the sign-in.
 */
export function openSession(
  user: UserRow,
  options: { ip: string | null; userAgent: string | null; sessionHours: number; signedInWith?: SignedInWith },
  db: Db,
) {
  const signedInWith = options.signedInWith ?? 'password';
  return db.transaction(async (tx) => {
    const session = await insertSession(tx, { userId: user.id, hours: options.sessionHours, ip: options.ip, userAgent: options.userAgent, signedInWith });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'sign_in',
      entity: 'user',
      entityId: user.id,
      after: { sessionId: session.id, ip: options.ip, ...(signedInWith === 'password' ? {} : { with: signedInWith }) },
    });
    return { user: presentUser(user), session };
  });
}

/** The actor a user row acts as (before a session exists). */
export function actorOf(user: UserRow, via: Actor['via'] = 'session', sessionId: number | null = null, csrfToken: string | null = null): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    locale: user.locale,
    via,
    sessionId,
    csrfToken,
  };
}

/**
 * Ends the current session, or all of the user's sessions and API tokens; says how many ended
 * and how the current one was opened (a session from an identity provider ends there too).
 */
export async function signOut(ctx: RequestContext, options: { everywhere: boolean }): Promise<{ ended: number; signedInWith: SignedInWith | null }> {
  const { actor } = ctx;
  const { everywhere } = options;
  return ctx.transaction(async (tx) => {
    const current = await tx.query<{ signedInWith: SignedInWith }>('SELECT signed_in_with AS "signedInWith" FROM sessions WHERE id = $1', [actor.sessionId]);
    const ended = everywhere
      ? await deleteSessionsOfUser(tx, actor.userId)
      : (await tx.query('DELETE FROM sessions WHERE id = $1', [actor.sessionId])).rowCount ?? 0;
    const tokensRevoked = everywhere ? await revokeApiTokensOfUser(tx, actor.userId) : 0;
    await tx.audit({ action: 'sign_out', entity: 'user', entityId: actor.userId, after: { everywhere, ended, ...(everywhere ? { tokensRevoked } : {}) } });
    return { ended, signedInWith: current.rows[0]?.signedInWith ?? null };
  });
}

/**
 * Changes one's own password; every other session and every API token of the user ends. The
 * current-password check is throttled as sign-in is, so it cannot be used to guess.
 */
export async function changePassword(
  ctx: RequestContext,
  options: { currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const { actor } = ctx;
  const user = await findUserById(ctx, actor.userId);
  if (!user) throw notFound();
  const ok = await throttledCheck(ctx.db, { account: user.email, address: options.ip ?? 'unknown' }, () => verifyPassword(user.passwordHash, options.currentPassword));
  if (!ok) throw invalidFields({ field: 'currentPassword', reason: 'wrong_password' });
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash });
    const ended = await deleteSessionsOfUser(tx, user.id, actor.sessionId);
    const tokensRevoked = await revokeApiTokensOfUser(tx, user.id);
    await tx.audit({ action: 'password_change', entity: 'user', entityId: user.id, after: { otherSessionsEnded: ended, tokensRevoked } });
  });
}

/** Saves the user's interface language. */
export async function setPreferences(ctx: RequestContext, options: { locale: UserRow['locale'] }) {
  return ctx.transaction(async (tx) => {
    const before = await findUserById(tx, tx.actor.userId, true);
    if (!before) throw notFound();
    const row = await changedBy(tx, before, () => updateUserRow(tx, before.id, { locale: options.locale }));
    if (!row) return presentUser(before);
    await tx.audit({ action: 'update', entity: 'user', entityId: row.id, before: { locale: before.locale }, after: { locale: row.locale } });
    return presentUser(row);
  });
}

/** The signed-in caller's own account, as the web app shows it (never the password hash). */
export async function getOwnAccount(ctx: RequestContext) {
  const row = await findUserById(ctx.db, ctx.actor.userId);
  if (!row) throw notFound();
  return presentUser(row);
}

/** The caller's own API tokens, newest first (never their secrets). */
export async function getOwnApiTokens(ctx: RequestContext) {
  return listApiTokens(ctx.db, ctx.actor.userId);
}

/** Creates an API token for the actor; only a signed-in person may, never a token (it would outlive its parent). */
export async function createApiToken(ctx: RequestContext, options: { input: z.output<typeof ApiTokenInput> }) {
  const { actor } = ctx;
  const { input } = options;
  if (actor.via !== 'session') throw new DomainError('token_cannot_mint', 'forbidden');
  return ctx.transaction(async (tx) => {
    const token = await insertApiToken(tx, actor.userId, input);
    await tx.audit({
      action: 'token_create',
      entity: 'api_token',
      entityId: token.id,
      after: { name: token.name, scope: token.scope, modules: token.modules, expiresAt: token.expiresAt },
    });
    return token;
  });
}

/** Revokes one of the actor's API tokens. */
export async function revokeToken(ctx: RequestContext, options: { id: number }): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, tx.actor.userId, options.id))) throw notFound();
    await tx.audit({ action: 'token_revoke', entity: 'api_token', entityId: options.id });
  });
}


/**
 * The actor behind a request's credentials: an API token (Authorization: Bearer) or a
 * session cookie. Null when neither is live or the user is disabled.
 */
export async function resolveActor(credentials: { bearer?: string; cookie?: string }, db: Queryable): Promise<Actor | null> {
  const { bearer, cookie } = credentials;
  const credential = bearer ? await findApiToken(db, bearer) : cookie ? await findSession(db, cookie) : null;
  if (!credential || credential.user.disabled) return null;
  const actor = actorOf(credential.user, bearer ? 'token' : 'session', credential.sessionId, credential.csrfToken);
  return credential.token ? { ...actor, token: credential.token } : actor;
}

/**
 * The actor an enabled user acts as when a credential kept by another module names them (a
 * calendar feed's secret, which a calendar client sends instead of signing in); null for a
 * disabled or removed user, so that their credential opens nothing.
 */
export async function enabledActorOf(db: Queryable, userId: number): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  return user && !user.disabled ? actorOf(user, 'token') : null;
}

import type { Db, Queryable } from '../../db/client.ts';
import { AppError, invalidFields, notFound, currentVersion } from '../../http/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import type { z } from 'zod';
import type { UserInput as UserInputSchema, UserUpdate as UserUpdateSchema } from '../../../shared/contracts/users.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { findUserByEmail, findUserById, insertUser, updateUserRow, type UserRow } from './users.repo.ts';
import { deleteSessionsOfUser, findApiToken, findSession, insertApiToken, insertSession, revokeApiToken } from './sessions.repo.ts';
import { clearFailures, isThrottled, recordFailure } from './sign-in-throttle.ts';

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
export async function createUser(options: { actor: Actor; input: z.output<typeof UserInputSchema> }, db: Db) {
  const { actor, input } = options;
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw invalidFields({ field: 'email', reason: 'duplicate' });
    if (!(await unitExists(tx, input.unitId))) throw invalidFields({ field: 'unitId', reason: 'unknown_reference' });
    const row = await insertUser(tx, { ...input, passwordHash });
    await recordAudit(tx, { actor, action: 'create', entity: 'user', entityId: row.id, after: presentUser(row) });
    return { ...presentUser(row), ...(input.password ? {} : { password }) };
  });
}

/** Changes a user's profile, role, unit or disabled flag. Disabling ends their sessions. */
export async function updateUser(options: { actor: Actor; id: number; input: z.output<typeof UserUpdateSchema> }, db: Db) {
  const { actor, id, input } = options;
  return db.transaction(async (tx) => {
    const current = currentVersion(await findUserById(tx, id, true), input.version, presentUser);
    const role = input.role ?? current.role;
    const unitId = input.unitId !== undefined ? input.unitId : current.unitId;
    if ((role === 'coordinator') !== (unitId !== null)) throw invalidFields({ field: 'unitId', reason: 'coordinator_needs_unit' });
    if (!(await unitExists(tx, unitId))) throw invalidFields({ field: 'unitId', reason: 'unknown_reference' });
    if (input.email && input.email.toLowerCase() !== current.email.toLowerCase() && (await findUserByEmail(tx, input.email)))
      throw invalidFields({ field: 'email', reason: 'duplicate' });
    const row = await updateUserRow(tx, id, { ...input, role, unitId });
    if (row.disabled || row.role !== current.role || row.unitId !== current.unitId) await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, { actor, action: 'update', entity: 'user', entityId: id, before: presentUser(current), after: presentUser(row) });
    return presentUser(row);
  });
}

/** Checks a password and opens a session. Unknown email and wrong password fail alike. */
export async function signIn(
  options: { email: string; password: string; ip: string | null; userAgent: string | null; sessionHours: number },
  db: Db,
) {
  if (isThrottled(options.email)) throw new AppError('rate_limited', 429);
  const user = await findUserByEmail(db, options.email);
  const ok = user && !user.disabled && (await verifyPassword(user.passwordHash, options.password));
  if (!user || !ok) {
    recordFailure(options.email);
    throw new AppError('invalid_credentials', 401);
  }
  clearFailures(options.email);
  return db.transaction(async (tx) => {
    const session = await insertSession(tx, { userId: user.id, hours: options.sessionHours, ip: options.ip, userAgent: options.userAgent });
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'sign_in',
      entity: 'user',
      entityId: user.id,
      after: { sessionId: session.id, ip: options.ip },
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

/** Ends the current session, or all of the user's sessions. */
export async function signOut(options: { actor: Actor; everywhere: boolean }, db: Db): Promise<number> {
  const { actor, everywhere } = options;
  return db.transaction(async (tx) => {
    const ended = everywhere
      ? await deleteSessionsOfUser(tx, actor.userId)
      : (await tx.query('DELETE FROM sessions WHERE id = $1', [actor.sessionId])).rowCount ?? 0;
    await recordAudit(tx, { actor, action: 'sign_out', entity: 'user', entityId: actor.userId, after: { everywhere, ended } });
    return ended;
  });
}

/** Changes one's own password; every other session of the user ends. */
export async function changePassword(options: { actor: Actor; currentPassword: string; newPassword: string }, db: Db): Promise<void> {
  const { actor } = options;
  const user = await findUserById(db, actor.userId);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) throw invalidFields({ field: 'currentPassword', reason: 'wrong_password' });
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash });
    const ended = await deleteSessionsOfUser(tx, user.id, actor.sessionId);
    await recordAudit(tx, { actor, action: 'password_change', entity: 'user', entityId: user.id, after: { otherSessionsEnded: ended } });
  });
}

/** Saves the user's interface language. */
export async function setPreferences(options: { actor: Actor; locale: UserRow['locale'] }, db: Db) {
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, options.actor.userId, true);
    if (!before) throw notFound();
    const row = await updateUserRow(tx, before.id, { locale: options.locale });
    await recordAudit(tx, { actor: options.actor, action: 'update', entity: 'user', entityId: row.id, before: { locale: before.locale }, after: { locale: row.locale } });
    return presentUser(row);
  });
}

/** Creates an API token for the actor. */
export async function createApiToken(options: { actor: Actor; name: string }, db: Db) {
  return db.transaction(async (tx) => {
    const token = await insertApiToken(tx, options.actor.userId, options.name);
    await recordAudit(tx, { actor: options.actor, action: 'token_create', entity: 'api_token', entityId: token.id, after: { name: token.name } });
    return token;
  });
}

/** Revokes one of the actor's API tokens. */
export async function revokeToken(options: { actor: Actor; id: number }, db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, options.actor.userId, options.id))) throw notFound();
    await recordAudit(tx, { actor: options.actor, action: 'token_revoke', entity: 'api_token', entityId: options.id });
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
  return actorOf(credential.user, bearer ? 'token' : 'session', credential.sessionId, credential.csrfToken);
}

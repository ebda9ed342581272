import { createHash, randomBytes } from 'node:crypto';
import { queryPrepared, type Queryable } from '../../db/client.ts';
import { USER_COLUMNS, type UserRow } from './users.repo.ts';
import type { TokenGrant } from '../../policies/actor.ts';
import { isoTimestamp } from '../../db/columns.ts';

/** A live session or API token, with its user. */
export interface Credential {
  sessionId: number | null;
  csrfToken: string | null;
  user: UserRow;
  /** What an API token may do; absent for a session. */
  token?: TokenGrant;
}

/** A secret's database form: we keep only its SHA-256, so a leaked table opens nothing. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new random secret with a readable prefix. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** How a session was opened. */
export type SignedInWith = 'password' | 'oidc' | 'ldap';

/** Opens a session; returns its secret cookie value and CSRF token. */
export async function insertSession(
  db: Queryable,
  session: { userId: number; hours: number; ip: string | null; userAgent: string | null; signedInWith?: SignedInWith },
): Promise<{ id: number; token: string; csrfToken: string; expiresAt: string }> {
  const token = newSecret('ics');
  const csrfToken = randomBytes(24).toString('base64url');
  const { rows } = await db.query<{ id: number; expiresAt: string }>(
    `INSERT INTO sessions (token_hash, csrf_token, user_id, expires_at, ip, user_agent, signed_in_with)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6, $7)
     RETURNING id, expires_at::text AS "expiresAt"`,
    [digest(token), csrfToken, session.userId, session.hours, session.ip, session.userAgent?.slice(0, 300) ?? null, session.signedInWith ?? 'password'],
  );
  return { id: rows[0]!.id, expiresAt: rows[0]!.expiresAt, token, csrfToken };
}

// Touching last_seen_at on every request would make every read a write: once a minute is enough.
const TOUCH_AFTER = "interval '1 minute'";

type CredentialRow = UserRow & { sessionId: number | null; csrfToken: string | null };
type TokenCredentialRow = CredentialRow & { tokenId: number; tokenScope: TokenGrant['scope']; tokenModules: TokenGrant['modules'] };

function toCredential(row: CredentialRow | undefined): Credential | null {
  if (!row) return null;
  const { sessionId, csrfToken, ...user } = row;
  return { sessionId, csrfToken, user };
}

/** The live session with this cookie value and its user, in one round trip; null when unknown or expired. */
export async function findSession(db: Queryable, token: string): Promise<Credential | null> {
  const { rows } = await queryPrepared<CredentialRow>(
    db,
    'find-session',
    `WITH s AS (SELECT id AS sid, csrf_token AS csrf, user_id AS uid FROM sessions WHERE token_hash = $1 AND expires_at > now()),
          touched AS (UPDATE sessions SET last_seen_at = now() WHERE id IN (SELECT sid FROM s) AND last_seen_at < now() - ${TOUCH_AFTER})
     SELECT s.sid AS "sessionId", s.csrf AS "csrfToken", ${USER_COLUMNS} FROM s JOIN users ON users.id = s.uid`,
    [digest(token)],
  );
  return toCredential(rows[0]);
}

/** Ends one session. */
export async function deleteSession(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [id]);
}

/** Ends every session of a user except `keep` (the one making the request), if given. */
export async function deleteSessionsOfUser(db: Queryable, userId: number, keep: number | null = null): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [userId, keep]);
  return rowCount ?? 0;
}

/** The live (unrevoked, unexpired) API token's user and grant, in one round trip; null otherwise. */
export async function findApiToken(db: Queryable, token: string): Promise<Credential | null> {
  const { rows } = await queryPrepared<TokenCredentialRow>(
    db,
    'find-api-token',
    `WITH t AS (SELECT id AS tid, user_id AS uid, scope AS tscope, modules AS tmodules FROM api_tokens
                WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()),
          touched AS (UPDATE api_tokens SET last_used_at = now() WHERE id IN (SELECT tid FROM t)
                      AND (last_used_at IS NULL OR last_used_at < now() - ${TOUCH_AFTER}))
     SELECT NULL::bigint AS "sessionId", NULL::text AS "csrfToken", t.tid AS "tokenId", t.tscope AS "tokenScope",
            t.tmodules AS "tokenModules", ${USER_COLUMNS} FROM t JOIN users ON users.id = t.uid`,
    [digest(token)],
  );
  const row = rows[0];
  if (!row) return null;
  const { tokenId, tokenScope, tokenModules, ...rest } = row;
  return { ...toCredential(rest)!, token: { id: Number(tokenId), scope: tokenScope, modules: tokenModules } };
}

export interface ApiTokenRow {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: TokenGrant['scope'];
  modules: string[] | null;
  expiresAt: string;
}

const TOKEN_COLUMNS = `id, name, created_at::text AS "createdAt", last_used_at::text AS "lastUsedAt", revoked_at::text AS "revokedAt",
  scope, modules, ${isoTimestamp('expires_at')} AS "expiresAt"`;

/** Creates an API token for a user; the secret is returned once and stored only as a digest. */
export async function insertApiToken(
  db: Queryable,
  userId: number,
  grant: { name: string; scope: TokenGrant['scope']; modules: string[] | null; expiresInDays: number },
): Promise<ApiTokenRow & { token: string }> {
  const token = newSecret('ict');
  const { rows } = await db.query<ApiTokenRow>(
    `INSERT INTO api_tokens (user_id, name, token_hash, scope, modules, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING ${TOKEN_COLUMNS}`,
    [userId, grant.name, digest(token), grant.scope, grant.modules, grant.expiresInDays],
  );
  return { ...rows[0]!, token };
}

/** A user's API tokens, newest first. */
export async function listApiTokens(db: Queryable, userId: number): Promise<ApiTokenRow[]> {
  const { rows } = await db.query<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC`, [userId]);
  return rows;
}

/** Revokes one of a user's tokens; false when the user has no such live token. */
export async function revokeApiToken(db: Queryable, userId: number, id: number): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL', [id, userId]);
  return (rowCount ?? 0) > 0;
}

/** Revokes every live token of a user (password change, sign-out everywhere, disabling); how many. */
export async function revokeApiTokensOfUser(db: Queryable, userId: number): Promise<number> {
  const { rowCount } = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  return rowCount ?? 0;
}

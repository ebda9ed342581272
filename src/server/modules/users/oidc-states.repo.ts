import type { Queryable } from '../../db/client.ts';
import { digest } from './sessions.repo.ts';

/** A pending OpenID Connect sign-in, as the callback needs it back. */
export interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Keeps a pending sign-in for `minutes`, under the digests of its state and of the browser's secret. */
export async function insertSignInState(db: Queryable, state: string, browserSecret: string, pending: PendingSignIn, minutes: number): Promise<void> {
  await db.query(`DELETE FROM oidc_sign_in_states WHERE expires_at < now()`);
  await db.query(
    `INSERT INTO oidc_sign_in_states (state_hash, browser_hash, code_verifier, nonce, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
    [digest(state), digest(browserSecret), pending.codeVerifier, pending.nonce, pending.returnTo, minutes],
  );
}

/**
 * Takes (and so uses up) the pending sign-in of this state, if it is live and was started by
 * the same browser; null otherwise. A state taken once is gone, whoever presented it.
 */
export async function takeSignInState(db: Queryable, state: string, browserSecret: string): Promise<PendingSignIn | null> {
  const { rows } = await db.query<PendingSignIn & { browserHash: string; live: boolean }>(
    `DELETE FROM oidc_sign_in_states WHERE state_hash = $1
     RETURNING code_verifier AS "codeVerifier", nonce, return_to AS "returnTo", browser_hash AS "browserHash", expires_at > now() AS live`,
    [digest(state)],
  );
  const row = rows[0];
  if (!row || !row.live || !browserSecret || row.browserHash !== digest(browserSecret)) return null;
  return { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo };
}

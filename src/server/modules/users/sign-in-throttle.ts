import type { Db, Queryable } from '../../db/client.ts';
import { DomainError } from '../../core/errors.ts';

/**
 * Password guessing, throttled in the database so that it holds under concurrency and across
 * several server processes (the per-address request limit is @fastify/rate-limit's job):
 *
 * - Per (account, address): every attempt is counted before its password is checked, in one
 *   atomic upsert, so a burst gets no more checks than MAX_PER_ADDRESS; a right password only
 *   counts while the pair is within the limit. The pair then waits WINDOW after its last
 *   counted attempt. Someone guessing from one address locks only that address out.
 * - Per account, from every address: from SLOW_AFTER failures on, each failure makes the next
 *   check of that account (from anywhere) wait longer, doubling up to MAX_DELAY_S — slower,
 *   never locked for everyone.
 *
 * The account is the email as typed (lower-cased), whether or not such a user exists, so that
 * the throttle answers alike for every email.
 */
export const MAX_PER_ADDRESS = 5;
export const SLOW_AFTER = 5;
export const MAX_DELAY_S = 60;
const WINDOW = "interval '15 minutes'";

/** Seconds the account waits after `failures` failures from every address. */
export function delayAfter(failures: number): number {
  return failures < SLOW_AFTER ? 0 : Math.min(MAX_DELAY_S, 2 ** (failures - SLOW_AFTER));
}

const DELAY_SQL = (failures: string) =>
  `make_interval(secs => LEAST(${MAX_DELAY_S}, CASE WHEN ${failures} >= ${SLOW_AFTER} THEN power(2, ${failures} - ${SLOW_AFTER}) ELSE 0 END))`;

/** A 429 telling the caller when to come back. */
export function throttled(waitSeconds: number): DomainError {
  return new DomainError('rate_limited', 'rate_limited', { retryAfter: Math.max(1, Math.ceil(waitSeconds)) });
}

interface Attempt {
  account: string;
  address: string;
}

/** Counts the attempt for its (account, address) pair first; throws 429 beyond the limit. */
async function reserve(db: Queryable, { account, address }: Attempt): Promise<void> {
  const { rows } = await db.query<{ attempts: number; wait: number }>(
    `INSERT INTO sign_in_attempts AS a (account, address, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (account, address) DO UPDATE SET
       attempts = CASE WHEN a.last_at < now() - ${WINDOW} THEN 1 ELSE a.attempts + 1 END,
       -- Refused attempts do not prolong the lock.
       last_at = CASE WHEN a.attempts >= $3 AND a.last_at >= now() - ${WINDOW} THEN a.last_at ELSE now() END
     RETURNING attempts, extract(epoch FROM last_at + ${WINDOW} - now())::float8 AS wait`,
    [account, address, MAX_PER_ADDRESS],
  );
  const { attempts, wait } = rows[0]!;
  if (attempts > MAX_PER_ADDRESS) throw throttled(wait);
}

/** Gives back a reserved attempt that was not checked after all. */
async function release(db: Queryable, { account, address }: Attempt): Promise<void> {
  await db.query('UPDATE sign_in_attempts SET attempts = attempts - 1 WHERE account = $1 AND address = $2 AND attempts > 0', [account, address]);
}

/**
 * The account's slow-down: when it has failed SLOW_AFTER times or more lately, one check at
 * a time, each after the delay its failures earned; throws 429 with the wait otherwise.
 */
async function takeAccountTurn(db: Db, account: string): Promise<void> {
  const wait = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ failures: number; wait: number }>(
      `SELECT failures, extract(epoch FROM next_allowed_at - now())::float8 AS wait
       FROM sign_in_accounts WHERE account = $1 AND last_failure_at >= now() - ${WINDOW} FOR UPDATE`,
      [account],
    );
    const row = rows[0];
    if (!row || row.failures < SLOW_AFTER) return 0;
    if (row.wait > 0) return row.wait;
    // Hold the others off while this check runs: the next turn comes after the delay.
    await tx.query(`UPDATE sign_in_accounts SET next_allowed_at = now() + ${DELAY_SQL('failures')} WHERE account = $1`, [account]);
    return 0;
  });
  if (wait > 0) throw throttled(wait);
}

async function recordFailure(db: Queryable, account: string): Promise<void> {
  const failures = `CASE WHEN a.last_failure_at < now() - ${WINDOW} THEN 1 ELSE a.failures + 1 END`;
  await db.query(
    `INSERT INTO sign_in_accounts AS a (account, failures) VALUES ($1, 1)
     ON CONFLICT (account) DO UPDATE SET failures = ${failures}, last_failure_at = now(),
       next_allowed_at = GREATEST(a.next_allowed_at, now() + ${DELAY_SQL(failures)})`,
    [account],
  );
}

/** A right password counts only if the pair is still within its limit (a burst may have passed it meanwhile). */
async function recordSuccess(db: Db, { account, address }: Attempt): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query('DELETE FROM sign_in_attempts WHERE account = $1 AND address = $2 AND attempts <= $3', [account, address, MAX_PER_ADDRESS]);
    if (!rowCount) {
      const over = await tx.query('SELECT 1 FROM sign_in_attempts WHERE account = $1 AND address = $2 AND attempts > $3', [account, address, MAX_PER_ADDRESS]);
      if (over.rowCount) return false;
    }
    await tx.query('DELETE FROM sign_in_accounts WHERE account = $1', [account]);
    // Forget what no longer counts, so that guessed emails do not pile up.
    await tx.query(`DELETE FROM sign_in_attempts WHERE last_at < now() - interval '1 day'`);
    await tx.query(`DELETE FROM sign_in_accounts WHERE last_failure_at < now() - interval '1 day'`);
    return true;
  });
}

/**
 * Runs `check` (a password verification) only when the throttle allows it, counting it
 * first; throws 429 (with Retry-After) when it does not. Used by sign-in and by the
 * current-password check of a password change.
 */
export async function throttledCheck(db: Db, who: Attempt, check: () => Promise<boolean>): Promise<boolean> {
  const attempt = { account: who.account.toLowerCase(), address: who.address };
  await reserve(db, attempt);
  try {
    await takeAccountTurn(db, attempt.account);
  } catch (error) {
    await release(db, attempt);
    throw error;
  }
  if (!(await check())) {
    await recordFailure(db, attempt.account);
    return false;
  }
  if (!(await recordSuccess(db, attempt))) throw throttled(15 * 60);
  return true;
}

/**
 * Failed sign-ins per account: after MAX_FAILURES within WINDOW_MS the account is refused
 * until the window passes. (Per-address limits are @fastify/rate-limit's job.) Kept in
 * memory: Interchange runs as one process; a restart forgetting the count is acceptable.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/** Whether this account has failed too often lately. */
export function isThrottled(email: string, now = Date.now()): boolean {
  return recent(email.toLowerCase(), now).length >= MAX_FAILURES;
}

/** Counts one failed attempt. */
export function recordFailure(email: string, now = Date.now()): void {
  const key = email.toLowerCase();
  failures.set(key, [...recent(key, now), now]);
}

/** Forgets the failures of an account after a successful sign-in. */
export function clearFailures(email: string): void {
  failures.delete(email.toLowerCase());
}

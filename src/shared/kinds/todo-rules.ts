import type { Role } from '../roles.ts';
import { roleMay } from '../policies.ts';
import type { KindDescription } from './kind.ts';

const OFFICE: readonly Role[] = ['admin', 'officer'];

/**
 * The states of `kind` in which a record waits on a decision `role` may take: a state with a
 * step marked `decision`, which the role may take by the policy table (update rights) and the
 * office steps (an office step waits on the office alone). The unit scope is the caller's.
 */
export function decisionStates(kind: KindDescription, role: Role): string[] {
  if (!roleMay(role, kind.policy, 'update')) return [];
  const office = OFFICE.includes(role);
  return kind.states.filter((s) => (kind.transitions[s] ?? []).some((to) => kind.steps[to]?.decision && (office || !kind.officeOnly.includes(to))));
}

/** Whether `role` owes what falls due on `kind`'s records (reports, renewals): whoever may update them. */
export function owesDeadlines(kind: KindDescription, role: Role): boolean {
  return roleMay(role, kind.policy, 'update');
}

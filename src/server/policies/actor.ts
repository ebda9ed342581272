import type { Role } from '../../shared/roles.ts';
import type { Locale } from '../../shared/contracts/common.ts';

/** Who is asking: a signed-in user, through a browser session or an API token. */
export interface Actor {
  userId: number;
  email: string;
  displayName: string;
  role: Role;
  /** The coordinator's unit; null for every other role. */
  unitId: number | null;
  locale: Locale;
  via: 'session' | 'token';
  sessionId: number | null;
  csrfToken: string | null;
}

/** The actor of work done by the system itself (migrations, demo data, CLI). */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  email: 'system',
  displayName: 'system',
  role: 'admin',
  unitId: null,
  locale: 'en',
  via: 'token',
  sessionId: null,
  csrfToken: null,
};

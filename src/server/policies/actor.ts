import type { Role } from '../../shared/roles.ts';
import type { Locale } from '../../shared/contracts/common.ts';
import type { Entity } from '../../shared/policies.ts';

/** What an API token may do: its scope, and the modules it is limited to (null = all). */
export interface TokenGrant {
  id: number;
  scope: 'read_only' | 'read_write';
  modules: Entity[] | null;
}

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
  /** The grant of the API token the request came with; absent for a session. */
  token?: TokenGrant;
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

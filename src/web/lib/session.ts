import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { CurrentUser, LdapSignInInput, SessionInfo, SignInInput } from '../../shared/contracts/auth.ts';
import { api, queryClient, setCsrfToken } from './api.ts';

/** Query key of the signed-in session. */
export const SESSION_KEY = ['auth', 'me'] as const;

async function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  const session = await api.get<SessionInfo>('/auth/me', signal);
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session query: /api/auth/me, which answers 401 when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 5 * 60_000,
  retry: false,
});

/** The session inside the signed-in area (loaded by the route guard before any page renders). */
export function useSession(): SessionInfo {
  return useSuspenseQuery(sessionQuery).data;
}

/** The signed-in user. */
export function useCurrentUser(): CurrentUser {
  return useSession().user;
}

/** Sign in with an email and a password, or a directory user name and password; remembers the CSRF token and primes the session query. */
export async function signIn(input: SignInInput | LdapSignInInput): Promise<SessionInfo> {
  const session = await api.post<SessionInfo>('username' in input ? '/auth/ldap/sign-in' : '/auth/sign-in', input);
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
  return session;
}

/**
 * Sign out on the server (best effort) and forget everything cached for this user; the
 * identity provider's sign-out address when it opened the session (the browser goes there next).
 */
export async function signOut(): Promise<string | null> {
  try {
    const answer = await api.post<{ logoutUrl?: string } | undefined>('/auth/sign-out');
    return answer?.logoutUrl ?? null;
  } finally {
    setCsrfToken(null);
  }
}

/** Forget all cached data, after leaving the signed-in area. */
export function forgetSession(): void {
  setCsrfToken(null);
  queryClient.clear();
}

import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, ApiTokenInput, PasswordChange } from '../../../shared/contracts/auth.ts';
import type { CalendarFeedCreated, CalendarFeedState } from '../../../shared/contracts/calendar.ts';
import { api } from '../../lib/api.ts';
import { useApiGet, useWrite } from '../../lib/api-query.ts';

/** An API token as returned once on creation, with its secret. */
export type ApiTokenCreated = ApiToken & { token: string };

const TOKENS_KEY = ['auth', 'tokens'] as const;

/** The signed-in user's API tokens. */
export const useApiTokens = () => useApiGet<ApiToken[]>(TOKENS_KEY, '/auth/tokens');

/** Create an API token; the answer carries the secret, shown once. */
export const useCreateApiToken = () => useWrite((input: z.input<typeof ApiTokenInput>) => api.post<ApiTokenCreated>('/auth/tokens', input), () => [TOKENS_KEY], { wait: true });

/** Revoke an API token. */
export const useRevokeApiToken = () => useWrite((id: number) => api.del(`/auth/tokens/${id}`), () => [TOKENS_KEY], { wait: true });

/** Change the signed-in user's password. */
export function useChangePassword() {
  return useMutation({ mutationFn: (input: PasswordChange) => api.post<void>('/auth/password', input) });
}

const CALENDAR_FEED_KEY = ['auth', 'calendar-feed'] as const;

/** Whether the signed-in user has a calendar feed, since when, and when a calendar last read it. */
export const useCalendarFeed = () => useApiGet<CalendarFeedState>(CALENDAR_FEED_KEY, '/auth/calendar-feed');

/** Make a new calendar feed address (the old one stops working); the answer carries the address, shown once. */
export const useNewCalendarFeed = () => useWrite(() => api.post<CalendarFeedCreated>('/auth/calendar-feed', {}), () => [CALENDAR_FEED_KEY], { wait: true });

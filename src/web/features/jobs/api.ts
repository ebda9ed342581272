import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobState, JobsPage, MailPreferences, OutboxMessage } from '../../../shared/contracts/jobs.ts';
import { api } from '../../lib/api.ts';
import { useApiGet } from '../../lib/api-query.ts';

/** The background jobs, counted by state, the latest of `state` (all when undefined); refreshed every few seconds. */
export const useJobs = (state: JobState | undefined) => useApiGet<JobsPage>(['jobs', state ?? 'all'], '/admin/jobs', { state }, { keep: true, staleTime: 5_000 });

/** One page of the outbox, of one status or all. */
export const useOutbox = (status: OutboxMessage['status'] | undefined, page: number) =>
  useApiGet<{ items: OutboxMessage[]; total: number; page: number; pageSize: number }>(['outbox', status ?? 'all', page], '/admin/outbox', { status, page }, { keep: true, staleTime: 5_000 });

const PREFERENCES_KEY = ['mail-preferences'] as const;

/** Which kinds of message the signed-in user receives. */
export const useMailPreferences = () => useApiGet<MailPreferences>(PREFERENCES_KEY, '/auth/mail-preferences');

/** Switches kinds of message on or off for the signed-in user. */
export function useMailPreferencesChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<MailPreferences>) => api.patch<MailPreferences>('/auth/mail-preferences', changes),
    onSuccess: (data) => client.setQueryData(PREFERENCES_KEY, data),
  });
}

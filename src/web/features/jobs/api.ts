import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobState, JobsPage, MailPreferences, OutboxMessage, OutboxPage } from '../../../shared/contracts/jobs.ts';
import { api } from '../../lib/api.ts';
import { useApiGet } from '../../lib/api-query.ts';

/** How often the administrator's pages read again while work is under way, and otherwise (a message may come at any time). */
const WHILE_PENDING_MS = 2_000;
const WHILE_IDLE_MS = 15_000;

/**
 * Whether a job runs or may start now: the waiting ones less those the page shows held back
 * (a prepared file's removal waits a week, not worth reading again for).
 */
function underWay(page: JobsPage): boolean {
  const heldBack = page.items.filter((job) => job.state === 'waiting' && Date.parse(job.startAfter) > Date.now()).length;
  return page.counts.running > 0 || page.counts.waiting > heldBack;
}

/** The background jobs, counted by state, the latest of `state` (all when undefined); read on each visit, and again every 2 s while a job runs or may start. */
export const useJobs = (state: JobState | undefined) =>
  useApiGet<JobsPage>(['jobs', state ?? 'all'], '/admin/jobs', { state }, {
    keep: true,
    staleTime: 0,
    refetchEvery: (data) => (data && underWay(data) ? WHILE_PENDING_MS : false),
  });

/**
 * One page of the outbox, of one status or all: read on each visit (the administrator sees the
 * current state), again every 2 s while anything is pending (a message queued, a job that may
 * write or send one) and every 15 s otherwise, so a new or held message shows without a reload.
 */
export const useOutbox = (status: OutboxMessage['status'] | undefined, page: number) =>
  useApiGet<OutboxPage>(['outbox', status ?? 'all', page], '/admin/outbox', { status, page }, {
    keep: true,
    staleTime: 0,
    refetchEvery: (data) => ((data?.pending ?? 0) > 0 ? WHILE_PENDING_MS : WHILE_IDLE_MS),
  });

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

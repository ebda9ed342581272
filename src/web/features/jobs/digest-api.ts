import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DigestRunQueued } from '../../../shared/contracts/jobs.ts';
import { api } from '../../lib/api.ts';

/** Starts today's digest run now (the administrator's button on the Jobs page); the jobs list is read again. */
export function useDigestRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DigestRunQueued>('/admin/jobs/digest', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}

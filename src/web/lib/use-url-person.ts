import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../shared/contracts/people.ts';
import { api } from './api.ts';

/**
 * The person a create page was opened for (`?personId=` from their page), so that its form names
 * them rather than showing a number; `waiting` while they load.
 */
export function useUrlPerson(personId: number | undefined): { person: Person | undefined; waiting: boolean } {
  const query = useQuery({
    queryKey: ['people', 'one', personId],
    enabled: personId !== undefined,
    queryFn: ({ signal }) => api.get<Person>(`/people/${personId}`, signal),
  });
  return { person: query.data, waiting: personId !== undefined && query.isLoading };
}

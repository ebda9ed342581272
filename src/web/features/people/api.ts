import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Person, PersonInput, PersonUpdate } from '../../../shared/contracts/people.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import type { PeopleSearch } from './people-search.ts';

/** Query keys of people. */
export const personKeys = {
  all: ['people'] as const,
  list: (search: PeopleSearch) => ['people', 'list', search] as const,
  one: (id: number) => ['people', 'one', id] as const,
};

/** One page of people, as the list's URL params describe it. */
export function usePeople(search: PeopleSearch) {
  return useQuery({
    queryKey: personKeys.list(search),
    queryFn: ({ signal }) =>
      api.get<Page<Person>>(
        `/people${toQuery({
          q: search.q,
          nationality: search.nationality,
          unitId: search.unitId,
          sort: search.sort,
          order: search.order,
          page: search.page ?? 1,
          pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
        })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One person. */
export function usePerson(id: number) {
  return useQuery({ queryKey: personKeys.one(id), queryFn: ({ signal }) => api.get<Person>(`/people/${id}`, signal) });
}

/** Create a person. */
export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api.post<Person>('/people', input),
    onSuccess: (created) => {
      client.setQueryData(personKeys.one(created.id), created);
      void client.invalidateQueries({ queryKey: personKeys.all });
    },
  });
}

/** Change a person (the update names the version it is based on). */
export function useUpdatePerson(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: PersonUpdate) => api.patch<Person>(`/people/${id}`, update),
    onSuccess: (saved) => {
      client.setQueryData(personKeys.one(id), saved);
      void client.invalidateQueries({ queryKey: ['people', 'list'] });
      void client.invalidateQueries({ queryKey: historyKey('person', id) });
    },
  });
}

/** Delete a person at a given version. */
export function useDeletePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.del(`/people/${id}${toQuery({ version })}`),
    onSuccess: () => client.invalidateQueries({ queryKey: personKeys.all }),
  });
}

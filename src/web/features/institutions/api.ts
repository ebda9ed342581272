import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CatalogueEntry, Institution, InstitutionInput, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import type { InstitutionsSearch } from './institutions-search.ts';

/** Query keys of institutions. */
export const institutionKeys = {
  all: ['institutions'] as const,
  list: (search: InstitutionsSearch) => ['institutions', 'list', search] as const,
  one: (id: number) => ['institutions', 'one', id] as const,
};

/** One page of institutions, as the list's URL params describe it. */
export function useInstitutions(search: InstitutionsSearch) {
  return useQuery({
    queryKey: institutionKeys.list(search),
    queryFn: ({ signal }) =>
      api.get<Page<Institution>>(
        `/institutions${toQuery({
          q: search.q,
          kind: search.kind,
          country: search.country,
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

/** One institution. */
export function useInstitution(id: number) {
  return useQuery({ queryKey: institutionKeys.one(id), queryFn: ({ signal }) => api.get<Institution>(`/institutions/${id}`, signal) });
}

/** Create an institution. */
export function useCreateInstitution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InstitutionInput) => api.post<Institution>('/institutions', input),
    onSuccess: (created) => {
      client.setQueryData(institutionKeys.one(created.id), created);
      void client.invalidateQueries({ queryKey: institutionKeys.all });
      void client.invalidateQueries({ queryKey: ['catalogue'] });
    },
  });
}

/** Change an institution (the update names the version it is based on). */
export function useUpdateInstitution(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: InstitutionUpdate) => api.patch<Institution>(`/institutions/${id}`, update),
    onSuccess: (saved) => {
      client.setQueryData(institutionKeys.one(id), saved);
      void client.invalidateQueries({ queryKey: ['institutions', 'list'] });
      void client.invalidateQueries({ queryKey: historyKey('institution', id) });
    },
  });
}

/** Delete an institution at a given version. */
export function useDeleteInstitution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.del(`/institutions/${id}${toQuery({ version })}`),
    onSuccess: () => client.invalidateQueries({ queryKey: institutionKeys.all }),
  });
}

/** Entries of the reference catalogue matching at least two typed characters. */
export function useCatalogue(q: string, country?: string) {
  return useQuery({
    queryKey: ['catalogue', q, country ?? null],
    queryFn: ({ signal }) => api.get<CatalogueEntry[]>(`/catalogue${toQuery({ q, country, limit: 20 })}`, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { User, UserInput, UserUpdate } from '../../../shared/contracts/users.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';

/** A new user, with the generated password when none was given (shown once). */
export type UserCreated = User & { password?: string };

const USERS_KEY = ['users'] as const;

/** One page of users (administrators). */
export function useUsers(params: { page: number; pageSize: number; q?: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...USERS_KEY, params],
    queryFn: ({ signal }) => api.get<Page<User>>(`/users${toQuery(params)}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Create a user. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<UserCreated>('/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Change a user's name, role, unit, language or status. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: number; update: UserUpdate }) => api.patch<User>(`/users/${id}`, update),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: USERS_KEY });
      void client.invalidateQueries({ queryKey: historyKey('user', saved.id) });
    },
  });
}

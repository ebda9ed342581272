import type { Page } from '../../../shared/contracts/common.ts';
import type { User, UserInput, UserUpdate } from '../../../shared/contracts/users.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api } from '../../lib/api.ts';
import { useApiGet, useWrite } from '../../lib/api-query.ts';

/** A new user, with the generated password when none was given (shown once). */
export type UserCreated = User & { password?: string };

const USERS_KEY = ['users'] as const;

/** One page of users (administrators). */
export const useUsers = (params: { page: number; pageSize: number; q?: string }, enabled = true) =>
  useApiGet<Page<User>>([...USERS_KEY, params], '/users', params, { enabled, keep: true });

/** Create a user. */
export const useCreateUser = () => useWrite((input: UserInput) => api.post<UserCreated>('/users', input), () => [USERS_KEY], { wait: true });

/** Change a user's name, role, unit, language or status. */
export const useUpdateUser = () =>
  useWrite(({ id, update }: { id: number; update: UserUpdate }) => api.patch<User>(`/users/${id}`, update), (saved) => [USERS_KEY, historyKey('user', saved.id)]);

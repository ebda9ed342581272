import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, ApiTokenInput, PasswordChange } from '../../../shared/contracts/auth.ts';
import { api } from '../../lib/api.ts';

/** An API token as returned once on creation, with its secret. */
export type ApiTokenCreated = ApiToken & { token: string };

const TOKENS_KEY = ['auth', 'tokens'] as const;

/** The signed-in user's API tokens. */
export function useApiTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: ({ signal }) => api.get<ApiToken[]>('/auth/tokens', signal) });
}

/** Create an API token; the answer carries the secret, shown once. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ApiTokenInput>) => api.post<ApiTokenCreated>('/auth/tokens', input),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Revoke an API token. */
export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.del(`/auth/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Change the signed-in user's password. */
export function useChangePassword() {
  return useMutation({ mutationFn: (input: PasswordChange) => api.post<void>('/auth/password', input) });
}

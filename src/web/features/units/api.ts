import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Unit, UnitInput, UnitUpdate } from '../../../shared/contracts/units.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api } from '../../lib/api.ts';
import { UNITS_KEY } from '../../lib/lookups.ts';

/** Create a unit of our organization. */
export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput) => api.post<Unit>('/units', input),
    onSuccess: () => client.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}

/** Change a unit (the update names the version it is based on). */
export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: number; update: UnitUpdate }) => api.patch<Unit>(`/units/${id}`, update),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: UNITS_KEY });
      void client.invalidateQueries({ queryKey: historyKey('unit', saved.id) });
    },
  });
}

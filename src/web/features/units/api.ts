import type { Unit, UnitInput, UnitUpdate } from '../../../shared/contracts/units.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api } from '../../lib/api.ts';
import { useWrite } from '../../lib/api-query.ts';
import { UNITS_KEY } from '../../lib/lookups.ts';

/** Create a unit of our organization. */
export const useCreateUnit = () => useWrite((input: UnitInput) => api.post<Unit>('/units', input), () => [UNITS_KEY], { wait: true });

/** Change a unit (the update names the version it is based on). */
export const useUpdateUnit = () =>
  useWrite(({ id, update }: { id: number; update: UnitUpdate }) => api.patch<Unit>(`/units/${id}`, update), (saved) => [UNITS_KEY, historyKey('unit', saved.id)]);

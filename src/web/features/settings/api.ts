import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Setting, SettingKey, SettingValues } from '../../../shared/contracts/settings.ts';
import { api } from '../../lib/api.ts';
import { useApiGet } from '../../lib/api-query.ts';

const SETTINGS_KEY = ['settings'] as const;

/** Every setting of the office, with its version. */
export const useSettings = () => useApiGet<Setting[]>(SETTINGS_KEY, '/settings', {}, { staleTime: 60_000 });

/** One setting's value, typed by its key (undefined while loading). */
export function useSettingValue<K extends SettingKey>(key: K): SettingValues[K] | undefined {
  const { data } = useSettings();
  return data?.find((s) => s.key === key)?.value as SettingValues[K] | undefined;
}

/**
 * Change one setting at its version. What the settings decide is derived on every read (a
 * conference's classification), so the lists that show it are read again.
 */
export function useSettingUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value, version }: { key: SettingKey; value: unknown; version: number }) => api.patch<Setting>(`/settings/${key}`, { value, version }),
    // after a conflict too: the form then shows the value someone else saved, at its version
    onSettled: () => void client.invalidateQueries({ queryKey: SETTINGS_KEY }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['conferences'] }),
  });
}

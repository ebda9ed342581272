import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Setting, SettingKey, SettingValues } from '../../../shared/contracts/settings.ts';
import { api, ApiError, type ApiFieldError } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
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

/**
 * Saves a setting at its version and says how it went: saved, someone else changed it (the row
 * is read again and shows their value), or the refused fields, handed to `onFields` to show
 * beside their inputs.
 */
export function useSettingSave(setting: Setting, onFields: (fields: ApiFieldError[]) => void) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useSettingUpdate();
  const save = async (value: unknown) => {
    onFields([]);
    try {
      await update.mutateAsync({ key: setting.key, value, version: setting.version });
      void message.success(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.length) onFields(err.fields);
      else if (err instanceof ApiError && err.code === 'version_conflict') void message.warning(t('settings.conflict'));
      else void message.error(errorText(err, locale));
    }
  };
  return { save, saving: update.isPending };
}

import { App } from 'antd';
import { errorText } from './errors.ts';
import { useI18n } from './i18n.tsx';

/** Run a delete and say how it went: "deleted", or the API's refusal in the interface language. */
export function useDeleteAction(): (remove: () => Promise<unknown>) => Promise<void> {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  return async (remove) => {
    try {
      await remove();
      void message.success(t('common.deleted'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };
}

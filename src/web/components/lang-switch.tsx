import { Segmented } from 'antd';
import { LOCALES, type Locale } from '../../shared/contracts/common.ts';
import { api } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';

/** English / 中文 / Français. When signed in, the choice is also saved as the user's preference. */
export function LangSwitch({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const change = (next: Locale) => {
    setLocale(next);
    // best effort: the choice is already kept in this browser
    if (signedIn) api.patch('/auth/preferences', { locale: next }).catch(() => undefined);
  };
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      aria-label={t('header.language')}
      size="small"
      value={locale}
      onChange={change}
      options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}

import { Segmented } from 'antd';
import { LOCALES, type Locale } from '../../shared/contracts/common.ts';
import { api } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';

const SHORT: Record<Locale, string> = { en: 'EN', zh: '中', fr: 'FR' };

/** English / 中文 / Français (EN / 中 / FR when `compact`). When signed in, the choice is also saved as the user's preference. */
export function LangSwitch({ signedIn, compact = false }: { signedIn: boolean; compact?: boolean }) {
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
      options={LOCALES.map((l) => ({ value: l, label: compact ? <span title={t(`lang.${l}`)} lang={l}>{SHORT[l]}</span> : t(`lang.${l}`) }))}
    />
  );
}

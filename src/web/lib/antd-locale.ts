import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import frFR from 'antd/es/locale/fr_FR.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
// dayjs's own locales (month and weekday names, first day of the week) for the pickers' calendars
import 'dayjs/locale/fr.js';
import 'dayjs/locale/zh-cn.js';
import type { Locale } from '../../shared/contracts/common.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// TypeScript reads antd's es/ files as CommonJS (the package has no "type": "module"), so it sees the
// default import as the module object; Vite gives the locale itself. Accept both.
function unwrap(mod: unknown): AntdLocale {
  const withDefault = mod as { default?: AntdLocale };
  return withDefault.default ?? (mod as AntdLocale);
}

const LOCALES: Record<Locale, AntdLocale> = { en: unwrap(enUS), zh: unwrap(zhCN), fr: unwrap(frFR) };

/** Ant Design's own texts (pagination, empty states, pickers) for an interface language. */
export function antdLocale(locale: Locale): AntdLocale {
  return LOCALES[locale];
}

const DAYJS_LOCALES: Record<Locale, string> = { en: 'en', zh: 'zh-cn', fr: 'fr' };

/** Make dayjs (the date pickers' date library) speak the interface language. */
export function setDateLocale(locale: Locale): void {
  dayjs.locale(DAYJS_LOCALES[locale]);
}

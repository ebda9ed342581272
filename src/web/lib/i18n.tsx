import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, type Locale } from '../../shared/contracts/common.ts';
import { setDateLocale } from './antd-locale.ts';
import { queryClient, setApiLocale } from './api.ts';
import { ADMIN } from './messages/admin.ts';
import { JOBS } from './messages/jobs.ts';
import { AGREEMENTS } from './messages/agreements.ts';
import { COMMON } from './messages/common.ts';
import { CONFERENCES } from './messages/conferences.ts';
import { HONOURS } from './messages/honours.ts';
import { EXPERTS } from './messages/experts.ts';
import { INSTITUTIONS } from './messages/institutions.ts';
import { LEDGER } from './messages/ledger.ts';
import { PARTNERS } from './messages/partners.ts';
import { PEOPLE } from './messages/people.ts';
import { REPORTS } from './messages/reports.ts';
import { SETTINGS } from './messages/settings.ts';
import { SHELL } from './messages/shell.ts';
import { UNITS } from './messages/units.ts';
import { VISITS } from './messages/visits.ts';
import { MISSIONS } from './messages/missions.ts';
import { EXCHANGES } from './messages/exchanges.ts';
import { PROGRAMMES } from './messages/programmes.ts';
import { RECORD_KIND_MESSAGES } from './messages/record-kinds.ts';
import { STUDENTS } from './messages/students.ts';
import { IMPORTS } from './messages/imports.ts';
import { TODO } from './messages/todo.ts';
import { CALENDAR } from './messages/calendar.ts';
import { DOCUMENTS } from './messages/documents.ts';
import { EXPORTS } from './messages/exports.ts';
import { MERGES } from './messages/merges.ts';
import { NATIONAL_STATISTICS } from './messages/national-statistics.ts';
import { EWP } from './messages/ewp.ts';
import { EWP_FACTSHEET } from './messages/ewp-factsheet.ts';
import { EWP_AGREEMENT } from './messages/ewp-agreement.ts';

const MESSAGES = { ...COMMON, ...SHELL, ...INSTITUTIONS, ...PEOPLE, ...UNITS, ...LEDGER, ...ADMIN, ...JOBS, ...AGREEMENTS, ...PARTNERS, ...VISITS, ...MISSIONS, ...EXCHANGES, ...EXPERTS, ...CONFERENCES, ...HONOURS, ...STUDENTS, ...PROGRAMMES, ...SETTINGS, ...REPORTS, ...RECORD_KIND_MESSAGES, ...TODO, ...IMPORTS, ...CALENDAR, ...DOCUMENTS, ...EXPORTS, ...MERGES, ...NATIONAL_STATISTICS, ...EWP, ...EWP_FACTSHEET, ...EWP_AGREEMENT };

/** Every message key of the interface. */
export type MessageKey = keyof typeof MESSAGES;
/** Values substituted for {placeholders} in a message. */
export type MessageVars = Record<string, string | number>;
/** Translate a key in the current language. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

const INDEX: Record<Locale, 0 | 1 | 2> = { en: 0, zh: 1, fr: 2 };
/** BCP 47 tags used for Intl formatting and the html lang attribute. */
export const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN', fr: 'fr-FR' };
const STORAGE_KEY = 'interchange.locale';

const PLURALS = new Map<Locale, Intl.PluralRules>();
const pluralOf = (locale: Locale) => PLURALS.get(locale) ?? PLURALS.set(locale, new Intl.PluralRules(INTL_TAGS[locale])).get(locale)!;

/**
 * A text with its {placeholders} filled in, and `{n|one|other}` read as the word for n in the
 * language's plural rules: "1 record" but "2 records", and "0 autre" in French, where 0 and 1 are
 * singular.
 */
export function fill(text: string, vars: MessageVars | undefined, locale: Locale): string {
  if (!vars) return text;
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in vars ? (pluralOf(locale).select(Number(vars[name])) === 'one' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A message in a given language, with {placeholders} filled in (the key itself when there is none). */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const entry: readonly string[] | undefined = MESSAGES[key];
  return fill(entry?.[INDEX[locale]] ?? key, vars, locale);
}

/** Whether the catalogue has a message for this key (for keys built from data, such as field names). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** Whether a string is one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen earlier in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function detectLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language.toLowerCase();
  if (nav.startsWith('zh')) return 'zh';
  if (nav.startsWith('fr')) return 'fr';
  return 'en';
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  formatNumber: (value: number) => string;
  formatDateTime: (iso: string | null | undefined) => string;
}

/** Tell everything outside React that speaks a language: the API client, the page, the date library. */
function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  setDateLocale(locale);
  document.documentElement.lang = INTL_TAGS[locale];
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the interface language; persists it in localStorage and tells the API client. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = detectLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLocaleState(next);
    // server messages and search details come back in the new language
    void queryClient.invalidateQueries();
  }, []);

  const value = useMemo<I18nValue>(() => {
    const numberFormat = new Intl.NumberFormat(INTL_TAGS[locale]);
    const dateFormat = new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      formatNumber: (n) => numberFormat.format(n),
      formatDateTime: (iso) => {
        if (!iso) return translate(locale, 'common.empty');
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * Messages that come with data rather than the catalogue (a kind of record described with its
 * own labels), for the part of the page inside: every `t` there finds them first, so the
 * generic components label such a kind as they label the others, by message key.
 */
export function DataMessages({ messages, children }: { messages: Readonly<Record<string, Readonly<Record<Locale, string>>>>; children: ReactNode }) {
  const outer = useI18n();
  const value = useMemo<I18nValue>(() => {
    const t: Translate = (key, vars) => {
      const own = Object.hasOwn(messages, key) ? messages[key] : undefined;
      return own ? fill(own[outer.locale], vars, outer.locale) : outer.t(key, vars);
    };
    return { ...outer, t };
  }, [outer, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface language, the translate function and formatters. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

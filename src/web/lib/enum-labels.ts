import type { Locale } from '../../shared/contracts/common.ts';
import { useI18n } from './i18n.tsx';

/** An enum's labels in en/zh/fr, as src/shared/i18n writes them for the server's exports and letters. */
export type EnumLabels<K extends string> = Record<K, Record<Locale, string>>;

/** For each enum a function from its value to its label in the interface language. */
export type LabelReaders<T> = { [P in keyof T]: T[P] extends EnumLabels<infer K> ? (value: K) => string : never };

/** Each enum's labels read in a locale: the same tables the server uses, so the web and the exports say the same (a value the table lacks is shown as it is). */
export function labelReaders<T extends Record<string, EnumLabels<string>>>(tables: T, locale: Locale): LabelReaders<T> {
  const readers: Record<string, (value: string) => string> = {};
  for (const [name, table] of Object.entries(tables)) readers[name] = (value) => table[value]?.[locale] ?? value;
  return readers as LabelReaders<T>;
}

/** A kind's enum labels in the interface language (`useEnumLabels({ status: MISSION_STATUS_LABELS })`). */
export function useEnumLabels<T extends Record<string, EnumLabels<string>>>(tables: T): LabelReaders<T> {
  return labelReaders(tables, useI18n().locale);
}

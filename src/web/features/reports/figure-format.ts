import type { Locale } from '../../../shared/contracts/common.ts';
import type { Figure } from '../../../shared/contracts/reports.ts';
import type { MessageKey, Translate } from '../../lib/i18n.tsx';

/** The title of a figure in the interface language. */
export function figureTitle(figure: Pick<Figure, 'key'>, t: Translate): string {
  return t(`figure.${figure.key}` as MessageKey);
}

/** What a figure counts, in words: every figure says whether it counts trips or people. */
export function figureCounts(figure: Pick<Figure, 'counts'>, t: Translate): string {
  return t(`figure.counts.${figure.counts}` as MessageKey);
}

/** The date or period a figure is taken on or over. */
export function figureWhen(figure: Pick<Figure, 'asOf' | 'from' | 'to'>, t: Translate): string {
  if (figure.from && figure.to) return t('figure.period', { from: figure.from, to: figure.to });
  if (figure.from) return t('figure.since', { from: figure.from });
  if (figure.asOf) return t('figure.asOf', { date: figure.asOf });
  return '';
}

/** A part of a figure counted by key: a level of study, or what students were selected for. */
function partLabel(key: string, t: Translate): string {
  if (['bachelor', 'master', 'doctorate'].includes(key)) return t(`figure.level.${key}` as MessageKey);
  if (['exchange', 'study', 'degree'].includes(key)) return t(`figure.purpose.${key}` as MessageKey);
  return key;
}

/**
 * A figure's value as one short text: a count, a share as a percentage, the number of names, or
 * counts by a key ("bachelor 426 · master 52"). Null — a module not built yet — says so, never 0.
 */
export function figureValueText(figure: Pick<Figure, 'value' | 'counts'>, t: Translate, formatNumber: (n: number) => string): string {
  const { value } = figure;
  if (value === null) return t('figure.notAvailable');
  if (typeof value === 'number') return figure.counts === 'share' ? `${formatNumber(Math.round(value * 1000) / 10)} %` : formatNumber(value);
  if (Array.isArray(value)) return formatNumber(value.length);
  const entries = Object.entries(value);
  // counts by year (the professors the partner sent each year): how many years, since when
  if (entries.length && entries.every(([key]) => /^\d{4}$/.test(key))) return t('figure.yearsSince', { n: formatNumber(entries.length), from: entries[0]![0] });
  return entries.map(([key, n]) => `${partLabel(key, t)} ${formatNumber(n)}`).join(' · ');
}

/**
 * The names of a list figure (notable visitors, working arrangements, honours), at most `max` with
 * "and N more"; each in its own scripts where the figure gives them (Wang Zhen-yi 王振义). Where
 * the items are grouped (an honour and its holders), the groups are named, in `locale`: the
 * figure counts its lines, so its preview names as many things as the figure and its grouped list.
 */
export function figureNames(figure: Pick<Figure, 'value' | 'items'>, t: Translate, max = 4, locale: Locale = 'en'): string | null {
  if (!Array.isArray(figure.value) || figure.value.length === 0) return null;
  const groups = figure.items?.length && figure.items.every((i) => i.group) ? new Map(figure.items.map((i) => [i.group!.key, i.group!.name[locale]])) : null;
  // Once each: a holder of two honours is one item per honour (the honours figure).
  const names = groups
    ? [...groups.values()]
    : figure.items?.length
      ? [...new Set(figure.items.map((i) => [i.nameEn, i.nameZh].filter((n, k, all) => n && all.indexOf(n) === k).join(' ')))]
      : figure.value;
  const shown = names.slice(0, max).join(' · ');
  const rest = names.length - max;
  return rest > 0 ? `${shown} ${t('figure.andMore', { n: rest })}` : shown;
}

const csvCell = (text: string) => (/[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The figure set as CSV in the interface language (no server route gives it as a file): one row
 * per figure with its value, what it counts, its date or period and the address of its records.
 * A list figure writes its names; a null figure stays empty rather than 0.
 */
export function figuresCsv(figures: readonly Figure[], t: Translate, origin: string): string {
  const header = ['key', 'figure', 'value', 'counts', 'asOf', 'from', 'to', 'records'];
  const rows = figures.map((f) => {
    const value = f.value === null ? '' : typeof f.value === 'number' ? String(f.value) : Array.isArray(f.value) ? f.value.join('; ') : Object.entries(f.value).map(([k, n]) => `${k}=${n}`).join('; ');
    return [f.key, figureTitle(f, t), value, figureCounts(f, t), f.asOf ?? '', f.from ?? '', f.to ?? '', f.records ? `${origin}${f.records.page}` : ''];
  });
  // a byte-order mark so that Excel reads the Chinese and the accents as UTF-8
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

import type { Config } from '../server/config.ts';
import { systemContext } from '../server/core/request-context.ts';
import { getInboundReport, type InboundReport } from '../server/modules/ledger/inbound-report.service.ts';
import { IsoDate, Locale } from '../shared/contracts/common.ts';
import { officeToday } from '../shared/calendar.ts';
import { openReadyDb } from './open-ready-db.ts';

export interface InboundReportOptions {
  since?: string;
  until?: string;
  top: string;
  format: string;
  lang: string;
}

/** A year ("1980") or a date as the first or the last day it names; null when it is neither. */
export function periodBound(text: string, end: 'start' | 'end'): string | null {
  if (/^\d{4}$/.test(text)) return end === 'start' ? `${text}-01-01` : `${text}-12-31`;
  return IsoDate.safeParse(text).success ? text : null;
}

/** The headline in the reader's language, saying which figure counts what. */
export function inboundSentence(r: InboundReport, lang: Locale): string {
  const top = r.topCountries.map((c) => `${lang === 'zh' ? c.nameZh : lang === 'fr' ? c.nameFr : c.nameEn} ${c.personTimes}`);
  if (lang === 'zh')
    return `${r.since} 至 ${r.until}，共接待境外来访 ${r.personTimes} 人次（其中 ${r.aggregatePersonTimes} 人次为历年汇总数），涉及 ${r.distinctPersons} 名有个人记录的来访者，来自 ${r.countriesAndRegions} 个国家和地区。${top.length ? `主要来源：${top.join('、')}。` : ''}`;
  if (lang === 'fr')
    return `Du ${r.since} au ${r.until} : ${r.personTimes} visites reçues (dont ${r.aggregatePersonTimes} en décomptes globaux), ${r.distinctPersons} personnes distinctes enregistrées, de ${r.countriesAndRegions} pays et régions.${top.length ? ` En tête : ${top.join(', ')}.` : ''}`;
  return `From ${r.since} to ${r.until}: ${r.personTimes} inbound person-times (${r.aggregatePersonTimes} of them from aggregate counts), ${r.distinctPersons} distinct persons on record, from ${r.countriesAndRegions} countries and regions.${top.length ? ` Leading: ${top.join(', ')}.` : ''}`;
}

/** `interchange report inbound`: person-times, distinct persons and the leading countries and regions since a year or a date. */
export async function reportInboundCommand(config: Config, options: InboundReportOptions): Promise<void> {
  const since = options.since === undefined ? '1900-01-01' : periodBound(options.since, 'start');
  const until = options.until === undefined ? officeToday() : periodBound(options.until, 'end');
  const top = Number(options.top);
  const lang = Locale.safeParse(options.lang);
  const problem =
    !since ? `--since: "${options.since}" is not a year or a date (YYYY or YYYY-MM-DD)`
    : !until ? `--until: "${options.until}" is not a year or a date (YYYY or YYYY-MM-DD)`
    : !Number.isInteger(top) || top < 1 || top > 250 ? `--top: "${options.top}" is not a number from 1 to 250`
    : !lang.success ? `--lang: "${options.lang}" is not one of en, zh, fr`
    : !['json', 'text'].includes(options.format) ? `--format: "${options.format}" is not one of json, text`
    : null;
  if (problem || !since || !until || !lang.success) {
    console.error(problem);
    process.exitCode = 1;
    return;
  }
  const { db } = await openReadyDb(config);
  try {
    const report = await getInboundReport(systemContext(db), { since, until, top });
    console.log(options.format === 'json' ? JSON.stringify(report, null, 2) : inboundSentence(report, lang.data));
  } finally {
    await db.close();
  }
}

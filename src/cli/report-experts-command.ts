import type { Config } from '../server/config.ts';
import type { Queryable } from '../server/db/client.ts';
import { unscoped } from '../server/core/request-context.ts';
import { getExpertsEngaged } from '../server/modules/appointments/experts.service.ts';
import { IsoDate, Locale } from '../shared/contracts/common.ts';
import type { ExpertsEngaged } from '../shared/contracts/appointments.ts';
import { APPOINTMENT_TITLE_LABELS } from '../shared/i18n/inbound-labels.ts';
import { openReadyDb } from './open-ready-db.ts';

export interface ExpertsReportOptions {
  asOf?: string;
  format: string;
  lang: string;
}

/** The headline in the reader's language: experts engaged on the date by title, and everyone ever appointed. */
export function expertsSentence(f: ExpertsEngaged, lang: Locale): string {
  const titles = f.byTitle.filter((t) => t.experts > 0).map((t) => `${APPOINTMENT_TITLE_LABELS[t.title][lang]} ${t.experts}`);
  if (lang === 'zh')
    return `截至 ${f.asOf}，聘任外国专家学者 ${f.engaged} 人（${titles.join('、')}），来自 ${f.countriesAndRegions} 个国家和地区；累计聘任 ${f.engagedSince} 人。`;
  if (lang === 'fr')
    return `Au ${f.asOf} : ${f.engaged} experts étrangers en fonction (${titles.join(', ')}), de ${f.countriesAndRegions} pays et régions ; ${f.engagedSince} nommés depuis l'origine.`;
  return `As of ${f.asOf}: ${f.engaged} foreign experts engaged (${titles.join(', ')}), from ${f.countriesAndRegions} countries and regions; ${f.engagedSince} appointed since the first.`;
}

/** The options checked: a date, a language, a format; or what is wrong with them. */
export function parseExpertsOptions(options: ExpertsReportOptions): { asOf?: string; format: 'json' | 'text'; lang: Locale } | { problem: string } {
  const asOf = options.asOf === undefined ? undefined : IsoDate.safeParse(options.asOf);
  const lang = Locale.safeParse(options.lang);
  if (asOf && !asOf.success) return { problem: `--as-of: "${options.asOf}" is not a date (YYYY-MM-DD)` };
  if (!lang.success) return { problem: `--lang: "${options.lang}" is not one of en, zh, fr` };
  if (options.format !== 'json' && options.format !== 'text') return { problem: `--format: "${options.format}" is not one of json, text` };
  return { asOf: asOf?.data, format: options.format, lang: lang.data };
}

/** What `interchange report experts` prints: the figure from the one definition the API uses (experts.service). */
export async function expertsReport(db: Queryable, options: { asOf?: string; format: 'json' | 'text'; lang: Locale }): Promise<string> {
  const figures = await getExpertsEngaged(unscoped(db), { asOf: options.asOf });
  return options.format === 'json' ? JSON.stringify(figures, null, 2) : expertsSentence(figures, options.lang);
}

/** `interchange report experts`: foreign experts with an appointment in force on a date, by title and by country/region. */
export async function reportExpertsCommand(config: Config, options: ExpertsReportOptions): Promise<void> {
  const parsed = parseExpertsOptions(options);
  if ('problem' in parsed) {
    console.error(parsed.problem);
    process.exitCode = 1;
    return;
  }
  const { db } = await openReadyDb(config);
  try {
    console.log(await expertsReport(db, parsed));
  } finally {
    await db.close();
  }
}

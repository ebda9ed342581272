import type { Config } from '../server/config.ts';
import { systemContext } from '../server/core/request-context.ts';
import { getPartnerFigures } from '../server/modules/agreements/partners.service.ts';
import { IsoDate, Locale } from '../shared/contracts/common.ts';
import type { PartnerFigures } from '../shared/contracts/agreements.ts';
import { openReadyDb } from './open-ready-db.ts';

export interface PartnersReportOptions {
  asOf?: string;
  format: string;
  lang: string;
}

/** The headline sentence in the reader's language. */
function partnersSentence(f: PartnerFigures, lang: Locale): string {
  const organizations = f.organizations.map((o) => (lang === 'zh' && o.nameZh ? o.nameZh : o.nameEn));
  if (lang === 'zh')
    return `截至 ${f.asOf}，与 ${f.countriesAndRegions} 个国家和地区的 ${f.universities} 所大学建立了校级和院级交流关系；与${organizations.join('、')}建立了工作关系。`;
  if (lang === 'fr')
    return `Au ${f.asOf} : relations institutionnelles et facultaires avec ${f.universities} universités de ${f.countriesAndRegions} pays et régions ; arrangements de travail avec ${organizations.join(', ')}.`;
  return `As of ${f.asOf}: relations of collegiate and institutional interchange with ${f.universities} universities from ${f.countriesAndRegions} countries and regions; working arrangements with ${organizations.join(', ')}.`;
}

/** `interchange report partners`: the partner figures on a date, as JSON or as a sentence. */
export async function reportPartnersCommand(config: Config, options: PartnersReportOptions): Promise<void> {
  const asOf = options.asOf === undefined ? undefined : IsoDate.safeParse(options.asOf);
  const lang = Locale.safeParse(options.lang);
  const problem =
    asOf && !asOf.success ? `--as-of: "${options.asOf}" is not a date (YYYY-MM-DD)`
    : !lang.success ? `--lang: "${options.lang}" is not one of en, zh, fr`
    : !['json', 'text'].includes(options.format) ? `--format: "${options.format}" is not one of json, text`
    : null;
  if (problem || !lang.success) {
    console.error(problem);
    process.exitCode = 1;
    return;
  }
  const { db } = await openReadyDb(config);
  try {
    const figures = await getPartnerFigures(systemContext(db), { asOf: asOf?.data });
    console.log(options.format === 'json' ? JSON.stringify(figures, null, 2) : partnersSentence(figures, lang.data));
  } finally {
    await db.close();
  }
}

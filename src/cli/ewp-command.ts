import { readFile, stat } from 'node:fs/promises';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { DomainError } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { EwpClientError, ewpGet, type EwpClientProblem, type Transport } from '../server/interop/ewp/ewp-client.ts';
import { EwpSchemasMissing } from '../server/interop/ewp/ewp-schema-files.ts';
import { IiaPullError, pullIias, type IiaPullProblem } from '../server/interop/ewp/iia-pull.ts';
import { loadRegistryCatalogue } from '../server/interop/ewp/registry-catalogue.service.ts';
import { Locale } from '../shared/contracts/common.ts';
import type { IiaDifference } from '../shared/contracts/ewp-iia-copies.ts';
import { REGISTRY_CATALOGUE_MAX_BYTES } from '../shared/contracts/ewp-registry.ts';
import { fieldReason } from '../shared/i18n/errors.ts';
import { openReadyDb } from './open-ready-db.ts';

type Words = Record<Locale, string>;

/** What `interchange ewp …` says, in the three languages; `{x}` is put in place. */
export const EWP_CLI_MESSAGES = {
  bad_lang: { en: '--lang: "{x}" is not one of en, zh, fr', zh: '--lang：“{x}”不是 en、zh、fr 之一', fr: '--lang : « {x} » n’est pas l’une des valeurs en, zh, fr' },
  schemas_missing: {
    en: 'The EWP schemas were not found in {x} (no catalog.xml): give --schemas DIR or set EWP_SCHEMAS.',
    zh: '在 {x} 中找不到 EWP 模式文件（缺少 catalog.xml）：请使用 --schemas 目录，或设置 EWP_SCHEMAS。',
    fr: 'Les schémas EWP sont introuvables dans {x} (pas de catalog.xml) : indiquez --schemas DOSSIER ou définissez EWP_SCHEMAS.',
  },
  bad_url: { en: 'URL: "{x}" is not an http or https address', zh: 'URL：“{x}”不是 http 或 https 地址', fr: 'URL : « {x} » n’est pas une adresse http ou https' },
  unreachable: { en: 'The partner could not be reached: {x}', zh: '无法连接合作方：{x}', fr: 'Le partenaire est injoignable : {x}' },
  too_large: { en: 'The answer is too large: {x}', zh: '应答过大：{x}', fr: 'La réponse est trop volumineuse : {x}' },
  unsigned_response: {
    en: 'The answer is not signed ({x}): it cannot be trusted.',
    zh: '应答未签名（{x}），不可信任。',
    fr: 'La réponse n’est pas signée ({x}) : on ne peut pas s’y fier.',
  },
  untrusted_key: {
    en: 'The answer is signed by a key not registered for this partner: {x}. Register its key (settings, or load-catalogue), or give --manifest URL.',
    zh: '应答所用密钥未登记于该合作方：{x}。请登记其密钥（设置页面或 load-catalogue），或提供 --manifest URL。',
    fr: 'La réponse est signée par une clé non enregistrée pour ce partenaire : {x}. Enregistrez sa clé (paramètres, ou load-catalogue), ou indiquez --manifest URL.',
  },
  bad_response_signature: {
    en: 'The answer’s signature is refused: {x}. It may have been altered on the way.',
    zh: '应答的签名未通过验证：{x}。应答可能在途中被篡改。',
    fr: 'La signature de la réponse est refusée : {x}. Elle a pu être altérée en chemin.',
  },
  not_xml: { en: 'The answer is not an XML document: {x}', zh: '应答不是 XML 文档：{x}', fr: 'La réponse n’est pas un document XML : {x}' },
  unknown_document: {
    en: 'No official EWP schema describes the answer’s root element {x}.',
    zh: '没有任何 EWP 官方模式描述应答的根元素 {x}。',
    fr: 'Aucun schéma EWP officiel ne décrit l’élément racine {x} de la réponse.',
  },
  invalid_xml: { en: 'The answer is not valid against its official schema: {x}', zh: '应答不符合其官方模式：{x}', fr: 'La réponse n’est pas valide selon son schéma officiel : {x}' },
  answered: {
    en: 'HTTP {x}: signed by a key trusted for {hei} ({source}), digest checked, valid against {schema}.',
    zh: 'HTTP {x}：由 {hei} 的受信任密钥签名（{source}），摘要已核对，符合 {schema}。',
    fr: 'HTTP {x} : signée par une clé de confiance de {hei} ({source}), empreinte vérifiée, valide selon {schema}.',
  },
  file_unreadable: { en: 'FILE: {x} cannot be read', zh: 'FILE：无法读取 {x}', fr: 'FILE : {x} ne peut pas être lu' },
  catalogue_refused: { en: 'The catalogue is refused: {x}', zh: '目录未被接受：{x}', fr: 'Le catalogue est refusé : {x}' },
  catalogue_loaded: {
    en: '{x} partner keys registered, {y} already registered, for {z} institutions.',
    zh: '已登记 {x} 个合作方密钥，{y} 个此前已登记，涉及 {z} 所机构。',
    fr: '{x} clés de partenaires enregistrées, {y} déjà enregistrées, pour {z} établissements.',
  },
  pull_ewp_off: {
    en: 'EWP is not set up here: set our SCHAC code (ewp.heiId) on the settings page first.',
    zh: '本系统尚未配置 EWP：请先在设置页面填写本校的 SCHAC 代码（ewp.heiId）。',
    fr: 'EWP n’est pas configuré ici : indiquez d’abord notre code SCHAC (ewp.heiId) sur la page des paramètres.',
  },
  no_manifest: {
    en: '--manifest: required the first time: the Discovery manifest URL of {x}, where its IIAs API is listed (it is kept for the next pulls).',
    zh: '--manifest：首次拉取时必填，{x} 的 Discovery 清单地址（其中列有其 IIAs 接口；之后的拉取沿用该地址）。',
    fr: '--manifest : obligatoire la première fois : l’adresse du manifeste Discovery de {x}, où son API IIAs est indiquée (elle est gardée pour les relevés suivants).',
  },
  no_iias_api: {
    en: 'The manifest lists no IIAs 7 API for {x}.',
    zh: '清单中没有 {x} 的 IIAs 7 接口。',
    fr: 'Le manifeste n’indique aucune API IIAs 7 pour {x}.',
  },
  partner_refused: { en: 'The partner refused the request: {x}', zh: '合作方拒绝了请求：{x}', fr: 'Le partenaire a refusé la requête : {x}' },
  not_iias_document: { en: 'The answer is not an IIAs 7.0.0 document: {x}', zh: '应答不是 IIAs 7.0.0 文档：{x}', fr: 'La réponse n’est pas un document IIAs 7.0.0 : {x}' },
  iia_matches: {
    en: 'IIA {x} ({code}): matches our agreement #{y}.',
    zh: 'IIA {x}（{code}）：与本校协议 #{y} 一致。',
    fr: 'IIA {x} ({code}) : concorde avec notre accord n° {y}.',
  },
  iia_differs: {
    en: 'IIA {x} ({code}): differs from our agreement #{y} (ours → theirs):',
    zh: 'IIA {x}（{code}）：与本校协议 #{y} 不一致（本校 → 对方）：',
    fr: 'IIA {x} ({code}) : diffère de notre accord n° {y} (le nôtre → le leur) :',
  },
  iia_unmatched: {
    en: 'IIA {x} ({code}): matches none of our agreements with {hei}.',
    zh: 'IIA {x}（{code}）：与本校和 {hei} 的任何协议都对应不上。',
    fr: 'IIA {x} ({code}) : ne correspond à aucun de nos accords avec {hei}.',
  },
  iia_not_found: {
    en: 'Our agreement #{y}: not found at {hei} (it serves no IIA that is this agreement).',
    zh: '本校协议 #{y}：在 {hei} 处未找到（对方未提供与之对应的 IIA）。',
    fr: 'Notre accord n° {y} : introuvable chez {hei} (il ne sert aucun IIA qui soit cet accord).',
  },
  pulled: {
    en: '{x} IIAs pulled from {hei}: {y} match, {z} differ, {n} match none of ours; {m} of our agreements not found there. Nothing was changed in our agreements.',
    zh: '已从 {hei} 拉取 {x} 份 IIA：{y} 份一致，{z} 份不一致，{n} 份对应不上；本校有 {m} 份协议在对方处未找到。本校协议未作任何更改。',
    fr: '{x} IIA récupérés chez {hei} : {y} concordent, {z} diffèrent, {n} ne correspondent à aucun des nôtres ; {m} de nos accords y sont introuvables. Nos accords n’ont pas été modifiés.',
  },
  value_none: { en: '(none)', zh: '（无）', fr: '(aucun)' },
  term_firstAcademicYear: { en: 'first academic year', zh: '起始学年', fr: 'première année universitaire' },
  term_lastAcademicYear: { en: 'last academic year', zh: '截止学年', fr: 'dernière année universitaire' },
  term_studentsInPerYear: { en: 'incoming students per year', zh: '每年来校学生名额', fr: 'étudiants entrants par an' },
  term_studentsOutPerYear: { en: 'outgoing students per year', zh: '每年派出学生名额', fr: 'étudiants sortants par an' },
  term_staffInPerYear: { en: 'incoming staff per year', zh: '每年来校教职工名额', fr: 'personnels entrants par an' },
  term_staffOutPerYear: { en: 'outgoing staff per year', zh: '每年派出教职工名额', fr: 'personnels sortants par an' },
  term_studentMobility: { en: 'student mobility', zh: '学生交流类型', fr: 'mobilité étudiante' },
  term_staffMobility: { en: 'staff mobility', zh: '教职工交流类型', fr: 'mobilité du personnel' },
  term_languageSkills: { en: 'recommended languages', zh: '建议语言水平', fr: 'langues recommandées' },
} satisfies Record<string, Words>;

type MessageKey = keyof typeof EWP_CLI_MESSAGES;

/** A message in `lang`, its placeholders filled. */
export function ewpCliMessage(key: MessageKey, lang: Locale, values: Record<string, string | number> = {}): string {
  return Object.entries(values).reduce((text, [name, value]) => text.split(`{${name}}`).join(String(value)), EWP_CLI_MESSAGES[key][lang]);
}

/** What a command prints and its exit code: 0 done, 1 refused (the answer, the file), 2 a usage or setup problem. */
export interface CommandOutcome {
  out: string;
  err: string;
  exitCode: number;
}

const USAGE_PROBLEMS: ReadonlySet<EwpClientProblem> = new Set(['bad_url']);

/** `interchange ewp get URL`, run against a database: prints the XML, says why it is refused otherwise. */
export async function runEwpGet(options: { db: Db; dataDir: string; url: string; hei?: string; manifest?: string; schemas?: string; lang: Locale; transport?: Transport }): Promise<CommandOutcome> {
  try {
    const result = await ewpGet({ url: options.url, hei: options.hei, manifestUrl: options.manifest, db: options.db, dataDir: options.dataDir, schemasDir: options.schemas, transport: options.transport });
    const err = ewpCliMessage('answered', options.lang, { x: result.status, hei: result.signedBy.heiIds.join(', '), source: result.signedBy.source, schema: result.schema });
    return { out: result.xml, err, exitCode: result.status >= 400 ? 1 : 0 };
  } catch (error) {
    if (error instanceof EwpSchemasMissing) return { out: '', err: ewpCliMessage('schemas_missing', options.lang, { x: error.dir }), exitCode: 2 };
    if (error instanceof EwpClientError) return { out: '', err: ewpCliMessage(error.problem, options.lang, { x: error.detail }), exitCode: USAGE_PROBLEMS.has(error.problem) ? 2 : 1 };
    throw error;
  }
}

/** `interchange ewp load-catalogue FILE`, run against a database, as the system (audited as such). */
export async function runLoadCatalogue(options: { db: Db; file: string; lang: Locale }): Promise<CommandOutcome> {
  let content: Buffer;
  try {
    // bounded before reading: a file larger than any catalogue is refused by its size alone
    if ((await stat(options.file)).size > REGISTRY_CATALOGUE_MAX_BYTES) return { out: '', err: ewpCliMessage('catalogue_refused', options.lang, { x: `FILE ${fieldReason('registry_catalogue_too_large', options.lang)}` }), exitCode: 1 };
    content = await readFile(options.file);
  } catch {
    return { out: '', err: ewpCliMessage('file_unreadable', options.lang, { x: options.file }), exitCode: 2 };
  }
  try {
    const result = await loadRegistryCatalogue(systemContext(options.db), { content });
    return { out: ewpCliMessage('catalogue_loaded', options.lang, { x: result.added.length, y: result.alreadyRegistered, z: result.institutions }), err: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof EwpSchemasMissing) return { out: '', err: ewpCliMessage('schemas_missing', options.lang, { x: error.dir }), exitCode: 2 };
    if (error instanceof DomainError) {
      const reasons = (error.extra.fields ?? []).map((f) => `FILE ${fieldReason(f.reason, options.lang)}`).join('; ');
      return { out: '', err: ewpCliMessage('catalogue_refused', options.lang, { x: reasons || error.code }), exitCode: 1 };
    }
    throw error;
  }
}

const PULL_PROBLEM_EXIT: Record<IiaPullProblem, number> = { ewp_off: 2, no_manifest: 2, no_iias_api: 1, partner_refused: 1, not_iias_document: 1 };

/** A term's value as the CLI prints it. */
const termValue = (value: IiaDifference['ours'], lang: Locale) => (value === null || (Array.isArray(value) && !value.length) ? ewpCliMessage('value_none', lang) : Array.isArray(value) ? value.join(', ') : String(value));

/**
 * `interchange ewp pull-iias --hei ID [--manifest URL]`, as the system (audited as such): each of
 * the partner's IIAs, whether it matches our agreement, differs (each field, ours → theirs) or
 * matches none; our agreements it serves no copy of; exit 0 when the pull ran.
 */
export async function runPullIias(options: { db: Db; dataDir: string; hei: string; manifest?: string; schemas?: string; lang: Locale; transport?: Transport }): Promise<CommandOutcome> {
  const { lang } = options;
  try {
    const result = await pullIias(systemContext(options.db), { heiId: options.hei, manifestUrl: options.manifest, dataDir: options.dataDir, schemasDir: options.schemas, transport: options.transport });
    const hei = result.partnerHeiId;
    const lines: string[] = [];
    for (const iia of result.iias) {
      const names = { x: iia.partnerIiaId, code: iia.partnerIiaCode ?? iia.partnerIiaId, y: iia.agreementId ?? '', hei };
      if (iia.state === 'unmatched') lines.push(ewpCliMessage('iia_unmatched', lang, names));
      else if (iia.state === 'matches') lines.push(ewpCliMessage('iia_matches', lang, names));
      else {
        lines.push(ewpCliMessage('iia_differs', lang, names));
        for (const d of iia.differences) lines.push(`  ${ewpCliMessage(`term_${d.field}`, lang)}: ${termValue(d.ours, lang)} → ${termValue(d.theirs, lang)}`);
      }
    }
    for (const id of result.notFound) lines.push(ewpCliMessage('iia_not_found', lang, { y: id, hei }));
    const count = (state: string) => result.iias.filter((i) => i.state === state).length;
    const err = ewpCliMessage('pulled', lang, { x: result.iias.length, hei, y: count('matches'), z: count('differs'), n: count('unmatched'), m: result.notFound.length });
    return { out: lines.join('\n'), err, exitCode: 0 };
  } catch (error) {
    if (error instanceof EwpSchemasMissing) return { out: '', err: ewpCliMessage('schemas_missing', lang, { x: error.dir }), exitCode: 2 };
    if (error instanceof IiaPullError) return { out: '', err: ewpCliMessage(error.problem === 'ewp_off' ? 'pull_ewp_off' : error.problem, lang, { x: error.detail }), exitCode: PULL_PROBLEM_EXIT[error.problem] };
    if (error instanceof EwpClientError) return { out: '', err: ewpCliMessage(error.problem, lang, { x: error.detail }), exitCode: USAGE_PROBLEMS.has(error.problem) ? 2 : 1 };
    throw error;
  }
}

function print(outcome: CommandOutcome): void {
  if (outcome.out) console.log(outcome.out);
  if (outcome.err) console.error(outcome.err);
  process.exitCode = outcome.exitCode;
}

/** The language asked for, or exit 2 saying so (in English: the language is what is wrong). */
function language(lang: string): Locale | null {
  const parsed = Locale.safeParse(lang);
  if (parsed.success) return parsed.data;
  console.error(ewpCliMessage('bad_lang', 'en', { x: lang }));
  process.exitCode = 2;
  return null;
}

/** `interchange ewp get URL [--hei ID] [--manifest URL] [--schemas DIR] [--lang L]`. */
export async function ewpGetCommand(config: Config, url: string, options: { hei?: string; manifest?: string; schemas?: string; lang: string }): Promise<void> {
  const lang = language(options.lang);
  if (!lang) return;
  const { db } = await openReadyDb(config);
  try {
    print(await runEwpGet({ db, dataDir: config.dataDir, url, hei: options.hei, manifest: options.manifest, schemas: options.schemas, lang }));
  } finally {
    await db.close();
  }
}

/** `interchange ewp load-catalogue FILE [--schemas DIR] [--lang L]`. */
export async function ewpLoadCatalogueCommand(config: Config, file: string, options: { schemas?: string; lang: string }): Promise<void> {
  const lang = language(options.lang);
  if (!lang) return;
  if (options.schemas) process.env.EWP_SCHEMAS = options.schemas;
  const { db } = await openReadyDb(config);
  try {
    print(await runLoadCatalogue({ db, file, lang }));
  } finally {
    await db.close();
  }
}

/** `interchange ewp pull-iias --hei ID [--manifest URL] [--schemas DIR] [--lang L]`. */
export async function ewpPullIiasCommand(config: Config, options: { hei: string; manifest?: string; schemas?: string; lang: string }): Promise<void> {
  const lang = language(options.lang);
  if (!lang) return;
  const { db } = await openReadyDb(config);
  try {
    print(await runPullIias({ db, dataDir: config.dataDir, hei: options.hei, manifest: options.manifest, schemas: options.schemas, lang }));
  } finally {
    await db.close();
  }
}

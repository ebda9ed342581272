import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, readConfig, type Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { openDatabase } from '../server/db/open.ts';
import { createCipher, type Cipher } from '../server/security/personal-data.ts';
import { checkDataFolder, checkDemoSetting, checkKey, checkPublicUrl, checkSmtp } from '../server/doctor/check-setup.ts';
import { checkDatabase } from '../server/doctor/check-database.ts';
import { checkPdfFonts } from '../server/doctor/check-fonts.ts';
import { checkPdfConverter } from '../server/doctor/check-pdf-converter.ts';
import { finding, formatFindings, type Finding } from '../server/doctor/findings.ts';

/** The key as the server would read it, without generating one (doctor changes nothing). */
async function existingKey(config: Config): Promise<Cipher | null> {
  if (config.secret) return createCipher(config.secret);
  const file = config.secretFile ?? join(config.dataDir, 'secret.key');
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trim() ? createCipher(text.trim()) : null;
}

/** The database checks, or why they could not run (an embedded database in use by the server, a server that does not answer). */
async function databaseFindings(config: Config): Promise<Finding[]> {
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pglite')))
    return [finding('database', 'info', `no embedded database in ${config.dataDir} yet: the first start creates it`)];
  let db: Db;
  try {
    db = await openDatabase(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const inUse = /in use/i.test(reason);
    return [finding('database', inUse ? 'warn' : 'fail', inUse ? `${reason}: stop the server to check the embedded database, or run doctor against PostgreSQL` : `cannot connect: ${reason}`)];
  }
  try {
    return await checkDatabase(db, config, await existingKey(config));
  } finally {
    await db.close();
  }
}

/**
 * Every check a production server needs, read-only, each said in words. Returns the findings
 * (the command prints them and exits 1 when any is a failure).
 */
export async function runDoctor(env: NodeJS.ProcessEnv = process.env): Promise<Finding[]> {
  let config: Config;
  try {
    config = readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => finding('configuration', 'fail', problem));
  }
  return [
    finding('configuration', 'ok', `every variable is valid; ${config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `the embedded database in ${config.dataDir}`}`),
    await checkKey(config),
    await checkDataFolder(config),
    checkDemoSetting(config),
    checkPublicUrl(config),
    await checkSmtp(env),
    checkPdfFonts(),
    await checkPdfConverter(),
    ...(await databaseFindings(config)),
  ];
}

/** `interchange doctor`: prints the findings (text or JSON) and exits 1 when one is a failure. */
export async function doctorCommand(options: { format: string }): Promise<void> {
  const findings = await runDoctor();
  console.log(options.format === 'json' ? JSON.stringify({ findings }, null, 2) : formatFindings(findings));
  process.exitCode = findings.some((f) => f.status === 'fail') ? 1 : 0;
}

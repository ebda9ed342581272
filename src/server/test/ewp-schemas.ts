import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { paths } from '../paths.ts';

const run = promisify(execFile);

/**
 * The official EWP schemas and examples, kept offline beside the project (`../shared/ewp`,
 * see its README), or where EWP_SCHEMAS says.
 */
export const EWP_SCHEMAS = process.env.EWP_SCHEMAS ?? resolve(paths.packageJson, '../../shared/ewp');

/** A schema of that folder, by its path inside it (`ewp-specs-api-echo-v2.0.1/response.xsd`). */
export const ewpSchema = (path: string): string => join(EWP_SCHEMAS, path);

/**
 * Validates `xml` against an official EWP schema with xmllint, offline (--nonet) through the
 * folder's catalog, as the network's own tools would: returns xmllint's complaints, empty when
 * the document validates.
 */
export async function ewpSchemaErrors(xml: string, schemaPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'interchange-ewp-xml-'));
  try {
    const file = join(dir, 'document.xml');
    await writeFile(file, xml);
    const env = { ...process.env, XML_CATALOG_FILES: ewpSchema('catalog.xml'), SGML_CATALOG_FILES: ewpSchema('catalog.xml') };
    try {
      await run('xmllint', ['--nonet', '--noout', '--schema', ewpSchema(schemaPath), file], { env });
      return '';
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      // The import of xml.xsd by two locations is harmless (the folder's README): not a complaint.
      return stderr
        .split('\n')
        .filter((line) => line.trim() && !/Skipping import of schema|validates$/.test(line))
        .join('\n') || String(error);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

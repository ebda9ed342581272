/**
 * EWP's official schemas, kept offline beside the project (`../shared/ewp`, or where the
 * EWP_SCHEMAS variable says), and xmllint validating a document against them with no network
 * (--nonet, the folder's catalog.xml mapping each schema's URL to its local copy): the
 * registry catalogue an administrator loads, and what the `ewp get` client receives.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { paths } from '../../paths.ts';

const run = promisify(execFile);

/** The folder holding the schemas and their catalog.xml: EWP_SCHEMAS, else `../shared/ewp` next to the project. */
export function ewpSchemasDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EWP_SCHEMAS?.trim() || resolve(paths.packageJson, '../../shared/ewp'));
}

/** The schemas folder cannot be used: missing, or without its catalog. */
export class EwpSchemasMissing extends Error {
  constructor(readonly dir: string) {
    super(`The EWP schemas were not found in ${dir} (no catalog.xml there): set EWP_SCHEMAS to the folder holding EWP's schemas and their catalog.xml.`);
  }
}

/** The folder, checked: it holds catalog.xml. */
export function checkedSchemasDir(dir: string = ewpSchemasDir()): string {
  if (!existsSync(join(dir, 'catalog.xml'))) throw new EwpSchemasMissing(dir);
  return dir;
}

/** The official registry catalogue schema (Registry API 1.5.0), inside the folder. */
export const CATALOGUE_XSD = 'ewp-specs-api-registry-v1.5.0/catalogue.xsd';
/** Our driver schema that checks a manifest with its entries (the folder's README). */
export const MANIFEST_XSD = '_local/manifest-with-entries.xsd';

/**
 * Validates `xml` against `schema` (a path inside the folder) with xmllint, offline: xmllint's
 * complaints, empty when the document validates. The harmless notice about xml.xsd being
 * imported from two places (the folder's README) is not a complaint.
 */
export async function xmlSchemaErrors(xml: Buffer | string, schema: string, dir: string = checkedSchemasDir()): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'interchange-ewp-xml-'));
  try {
    const file = join(work, 'document.xml');
    await writeFile(file, xml);
    const catalog = join(dir, 'catalog.xml');
    const env = { ...process.env, XML_CATALOG_FILES: catalog, SGML_CATALOG_FILES: catalog };
    try {
      await run('xmllint', ['--nonet', '--noout', '--schema', join(dir, schema), file], { env, maxBuffer: 4 * 1024 * 1024 });
      return '';
    } catch (error) {
      const failure = error as { stderr?: string; code?: unknown };
      if (failure.code === 'ENOENT') throw new Error('xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils): EWP documents cannot be validated without it.');
      const stderr = failure.stderr ?? String(error);
      return (
        stderr
          .split('\n')
          .filter((line) => line.trim() && !/Skipping import of schema|validates$/.test(line))
          .map((line) => line.split(file).join('document'))
          .join('\n') || String(error)
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every schema of the folder with the namespace it defines and the element names it declares. */
async function schemaIndex(dir: string): Promise<Array<{ path: string; namespace: string; elements: Set<string> }>> {
  const found: Array<{ path: string; namespace: string; elements: Set<string> }> = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.xsd')) {
        const text = await readFile(full, 'utf8');
        const namespace = /targetNamespace\s*=\s*"([^"]*)"/.exec(text)?.[1] ?? '';
        found.push({ path: relative(dir, full), namespace, elements: new Set([...text.matchAll(/<xs:element\s+name="([^"]+)"/g)].map((m) => m[1]!)) });
      }
    }
  };
  await walk(dir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The schema a document with this root element is checked against: the one of the folder whose
 * target namespace is the element's and that declares it (a Discovery manifest: our driver
 * schema, which checks its API entries too); null when the folder has none.
 */
export async function schemaForRoot(root: { namespace: string; name: string }, dir: string = checkedSchemasDir()): Promise<string | null> {
  if (root.namespace.endsWith('/ewp-specs-api-discovery/tree/stable-v6') && root.name === 'manifest' && existsSync(join(dir, MANIFEST_XSD))) return MANIFEST_XSD;
  const match = (await schemaIndex(dir)).find((s) => s.namespace === root.namespace && s.elements.has(root.name));
  return match?.path ?? null;
}

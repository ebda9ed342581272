/**
 * PDF from a filled .docx through LibreOffice headless (Debian's libreoffice-writer-nogui),
 * optional: found once on the PATH (or INTERCHANGE_SOFFICE), each run with its own temporary
 * profile (two runs sharing one block each other) and a time limit, its whole process group
 * killed when the limit passes. One conversion at a time: LibreOffice takes a core and
 * ~200 MB, and the machine serves requests too.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomainError } from '../../core/errors.ts';

/** How long one conversion may take (a first run sets its profile up: several seconds). */
export const PDF_CONVERT_MS = 60_000;

let found: string | null | undefined;

/** The soffice program, or null when LibreOffice is not installed; looked for once. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (found !== undefined) return found;
  const candidates = env.INTERCHANGE_SOFFICE ? [env.INTERCHANGE_SOFFICE] : [...(env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'soffice')), '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
  found = null;
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      found = file;
      break;
    } catch {
      // not here
    }
  }
  return found;
}

/** Runs `program` in its own process group, killing the group when `ms` pass; resolves with its exit code and output. */
function run(program: string, args: string[], ms: number): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      // soffice.bin is a child of the soffice script: the whole group goes.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, ms);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}

/** The LibreOffice version, for `interchange doctor`, or null when it is missing or does not answer in time. */
export async function sofficeVersion(ms = 30_000): Promise<string | null> {
  const program = findSoffice();
  if (!program) return null;
  const profile = await mkdtemp(join(tmpdir(), 'interchange-soffice-'));
  try {
    const result = await run(program, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--version'], ms);
    return result.code === 0 && !result.timedOut ? result.output.trim().split('\n')[0]! : null;
  } catch {
    return null;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * The PDF of a .docx. 503-like refusals: `pdf_converter_missing` when LibreOffice is not on
 * this machine, `pdf_conversion_failed` when it fails or passes the time limit.
 */
export function convertToPdf(docx: Buffer, ms = PDF_CONVERT_MS): Promise<Buffer> {
  const program = findSoffice();
  if (!program) return Promise.reject(new DomainError('pdf_converter_missing', 'unsupported'));
  const next = queue.then(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'interchange-pdf-'));
    try {
      await writeFile(join(dir, 'document.docx'), docx);
      const result = await run(
        program,
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'document.docx')],
        ms,
      );
      if (result.timedOut || result.code !== 0) throw new DomainError('pdf_conversion_failed', 'unsupported');
      return await readFile(join(dir, 'document.pdf')).catch(() => {
        throw new DomainError('pdf_conversion_failed', 'unsupported');
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  queue = next.catch(() => undefined);
  return next;
}

import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { institutionBody } from '../server/test/factories.ts';
import { MOE_TW, parseImportOptions, runImport, runUndoImport } from './import-command.ts';
import { IMPORT_KINDS } from '../shared/contracts/imports.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await (await t.as('officer')).post('/api/institutions', institutionBody({ nameEn: 'The University of Sydney', nameZh: '悉尼大学', countryCode: 'AU' }));
});
afterAll(async () => t?.close());

const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions')).rows[0]!.n;
const file = (rows: string[]) => iconv.encode(rows.join('\r\n') + '\r\n', 'gbk');
const options = (over: Partial<Parameters<typeof parseImportOptions>[1]> = {}) => {
  const parsed = parseImportOptions('institutions', { onDuplicate: 'skip', format: 'text', ...over });
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
};

describe('interchange import', () => {
  const good = file(['英文名称,中文名称,国家或地区', 'Univ. of Sydney,悉尼大学,澳大利亚', 'Kyoto University,京都大学,日本', 'Seoul National University,首尔大学,韩国']);

  it('prints the counts per class on a dry run, and writes nothing', async () => {
    const before = await count();
    const { out, exitCode } = await runImport(t.db, t.cipher, { ...options({ dryRun: true }), file: 'partners.csv', content: good });
    expect(exitCode).toBe(0);
    expect(out).toContain('csv (gb18030)');
    expect(out).toContain('3 rows: 2 new, 0 update, 1 possible duplicate, 0 error');
    expect(out).toContain('row 2 may be The University of Sydney (same_name)');
    expect(out).toContain('dry run: nothing written');
    expect(await count()).toBe(before);
  });

  it('imports, then recognises the same file the second time (JSON counts)', async () => {
    const before = await count();
    const first = await runImport(t.db, t.cipher, { ...options(), file: 'partners.csv', content: good });
    expect(first.out).toMatch(/2 created, 0 updated, 0 unchanged, 1 skipped/);
    expect(await count()).toBe(before + 2);
    const again = JSON.parse((await runImport(t.db, t.cipher, { ...options({ format: 'json' }), file: 'partners.csv', content: good })).out);
    expect(again).toMatchObject({ encoding: 'gb18030', counts: { new: 0, update: 2, duplicate: 1, error: 0 }, written: { created: 0, unchanged: 2 } });
    expect(await count()).toBe(before + 2);
  });

  it('names each bad cell, exits 1 and writes nothing', async () => {
    const before = await count();
    const { out, exitCode } = await runImport(t.db, t.cipher, { ...options(), file: 'bad.csv', content: file(['英文名称,国家或地区', 'Nowhere College,Atlantis']) });
    expect(exitCode).toBe(1);
    expect(out).toContain('row 2, 国家或地区: is not a country or region we know');
    expect(await count()).toBe(before);
  });

  it('fails the file on a possible duplicate with --on-duplicate fail', async () => {
    const { out, exitCode } = await runImport(t.db, t.cipher, { ...options({ onDuplicate: 'fail' }), file: 'p.csv', content: file(['英文名称,国家或地区', 'Sydney University,AU']) });
    expect(exitCode).toBe(1);
    expect(out).toContain('rows.2: may be a record already on file');
  });

  it('names a bad option before opening any database', () => {
    expect(parseImportOptions('castles', { onDuplicate: 'skip', format: 'text' })).toEqual({ problem: `KIND: "castles" is not one of ${[...Object.keys(IMPORT_KINDS), MOE_TW].join(', ')}` });
    expect(parseImportOptions('people', { onDuplicate: 'merge', format: 'text' })).toEqual({ problem: '--on-duplicate: "merge" is not one of skip, update, fail' });
    const run = spawnSync(process.execPath, ['bin/interchange.js', 'import', 'castles', 'x.csv'], { encoding: 'utf8', env: { ...process.env, INTERCHANGE_SECRET: 'x' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('KIND: "castles"');
  });

  it('undoes an import by its number, once: the institutions it created are gone', async () => {
    const before = await count();
    const content = file(['英文名称,国家或地区', 'Undo University of Lund,瑞典', 'Undo University of Oslo,挪威']);
    const imported = await runImport(t.db, t.cipher, { ...options(), file: 'undo.csv', content });
    const id = Number(/imported \(#(\d+)\)/.exec(imported.out)![1]);
    expect(await count()).toBe(before + 2);
    const undone = await runUndoImport(t.db, t.cipher, id);
    expect(undone).toMatchObject({ exitCode: 0, out: expect.stringContaining(`import #${id} undone: 2 records deleted`) });
    expect(await count()).toBe(before);
    const again = await runUndoImport(t.db, t.cipher, id);
    expect(again).toMatchObject({ exitCode: 1, out: expect.stringContaining('undone already') });
  });
});

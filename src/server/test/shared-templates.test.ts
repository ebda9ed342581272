import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markUsed, unusedDatabases } from './shared-templates.ts';
import { testEngine } from './test-database.ts';

// Only PostgreSQL's server is shared between checkouts: the embedded engine's images live in each checkout's folder.
describe.skipIf(testEngine() !== 'postgresql')("another checkout's test templates on the shared server", () => {
  const suffix = `${process.pid}`.padStart(12, '0').slice(-12).replace(/[^0-9]/g, '0');
  const [fresh, old, unmarked] = ['a', 'b', 'c'].map((c) => `zz_shared_tpl_test_${c}${suffix}`) as [string, string, string];
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    for (const name of [fresh, old, unmarked]) await admin.query(`CREATE DATABASE ${name}`);
    await markUsed(admin, fresh);
    await admin.query(`COMMENT ON DATABASE ${old} IS 'interchange test database, last used ${new Date(Date.now() - 7 * 3_600_000).toISOString()}'`);
  });
  afterAll(async () => {
    for (const name of [fresh, old, unmarked]) await admin?.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin?.end();
  });

  it('are kept while used in the last hours; those unused for longer, or never marked, may go', async () => {
    const unused = await unusedDatabases(admin, `^zz_shared_tpl_test_[abc]${suffix}$`, 'none');
    expect(unused.sort()).toEqual([old, unmarked].sort());
    // The one a run keeps is never listed, however old.
    expect(await unusedDatabases(admin, `^zz_shared_tpl_test_[abc]${suffix}$`, old)).toEqual([unmarked]);
  });
});

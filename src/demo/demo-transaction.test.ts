import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openTestDatabase } from '../server/test/test-database.ts';
import { createCipher } from '../server/security/personal-data.ts';
import { officeToday } from '../shared/calendar.ts';
import { loadOrganization } from './load-demo.ts';
import { loadDemoAgreements } from './demo-agreements.ts';
import { inBatches } from './demo-transaction.ts';
import { createInstitution } from '../server/modules/institutions/institutions.service.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { InstitutionInput } from '../shared/contracts/institutions.ts';
import { institutionBody } from '../server/test/factories.ts';

// A stage of the demo committed in batches of services, its audit rows written together, must
// leave the database exactly as the same stage run record by record, each service in its own
// transaction.

const TABLES = ['units', 'users', 'institutions', 'people', 'agreements', 'agreement_partners', 'ledger', 'ledger_rollup', 'audit_log'];
// What differs from one load to the next whatever the transactions: the time of a write, a
// password's salted hash, a personal datum's random nonce.
const VARYING = /^at$|(_at|At|_hash|Hash|_enc)$/;

function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VARYING.test(key))
      .map(([key, v]) => [key, normalized(v)]),
  );
}

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const { rows } = await db.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)->>'id', to_jsonb(t)::text`);
    tables[table] = rows.map((r) => normalized(r.row));
  }
  return tables;
}

const cipher = createCipher('test-secret');
const today = officeToday();
let separate: Db;
let together: Db;

beforeAll(async () => {
  [separate, together] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  // Record by record: every service call its own transaction and its own audit statement.
  await loadOrganization(separate, cipher);
  await loadDemoAgreements(separate, today);
  // Small batches, so that the stages commit many times between services.
  await inBatches(together, (db) => loadOrganization(db, cipher), 7);
  await inBatches(together, (db) => loadDemoAgreements(db, today), 7);
}, 600_000);

afterAll(async () => {
  await Promise.all([separate?.close(), together?.close()]);
});

describe('a demo stage committed in batches', () => {
  it('writes the same records, ledger, rollups and audit rows, in the same order, as one transaction a service call', async () => {
    const [a, b] = await Promise.all([snapshot(separate), snapshot(together)]);
    for (const table of TABLES) expect(b[table], table).toEqual(a[table]);
    // Not vacuous: the stages wrote agreements walked through their steps, each step audited.
    expect(a.agreements!.length).toBeGreaterThan(50);
    expect(a.audit_log!.length).toBeGreaterThan(a.agreements!.length * 2);
  });

  it('writes the waiting audit rows before anything reads the audit log, and undoes them with the rest on a failure', async () => {
    const count = async (q: Db) => (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const before = await count(together);
    let seenInside = 0;
    const create = (db: Db) => createInstitution(systemContext(db), { input: parseOrThrow(InstitutionInput, institutionBody()) });
    const failed = await inBatches(together, async (db) => {
      await create(db);
      await create(db);
      seenInside = await count(db);
      throw new Error('stopped');
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(seenInside).toBe(before + 2);
    expect(await count(together)).toBe(before);

    await inBatches(together, create);
    expect(await count(together)).toBe(before + 1);
  });
});

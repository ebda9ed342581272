import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { RECORD_KINDS } from '../../../shared/kinds/record-kinds.ts';
import type { FieldDescription } from '../../../shared/kinds/record-kind.ts';

// A record kind's table is its migration, written by hand: it must hold the description's
// fields, each with the column type, nullability and reference its type says, and the columns
// every record kind has — read from the migrated database, not from the SQL file.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const COLUMN_TYPES: Record<FieldDescription['type']['is'], string[]> = {
  name: ['text'],
  text: ['text'],
  date: ['date'],
  institution: ['bigint'],
  unit: ['bigint'],
  country: ['text', 'character'],
  choice: ['text'],
};
const REFERENCES: Partial<Record<FieldDescription['type']['is'], string>> = { institution: 'institutions', unit: 'units' };
const STANDARD = { id: 'bigint', status: 'text', version: 'integer', search_text: 'text', created_at: 'timestamp with time zone', updated_at: 'timestamp with time zone' };

describe('each record kind’s table', () => {
  it('has a column per field of the type, nullability and reference its description says, and the standard columns', async () => {
    for (const kind of RECORD_KINDS) {
      const { rows } = await t.db.query<{ column_name: string; data_type: string; is_nullable: string }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [kind.table],
      );
      const columns = new Map(rows.map((r) => [r.column_name, r]));
      const { rows: refs } = await t.db.query<{ column_name: string; target: string }>(
        `SELECT kcu.column_name, ccu.table_name AS target FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
          WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND tc.table_name = $1`,
        [kind.table],
      );
      const target = new Map(refs.map((r) => [r.column_name, r.target]));
      for (const f of kind.fields) {
        const column = columns.get(f.column);
        expect(column, `${kind.table}.${f.column}`).toBeDefined();
        expect(COLUMN_TYPES[f.type.is], `${kind.table}.${f.column}`).toContain(column!.data_type);
        expect(column!.is_nullable, `${kind.table}.${f.column} nullable`).toBe(f.required ? 'NO' : 'YES');
        expect(target.get(f.column), `${kind.table}.${f.column} references`).toBe(REFERENCES[f.type.is]);
      }
      for (const [name, type] of Object.entries(STANDARD)) expect(columns.get(name)?.data_type, `${kind.table}.${name}`).toBe(type);
      expect(columns.size, `${kind.table}: a column no field describes`).toBe(kind.fields.length + Object.keys(STANDARD).length);
    }
  });

  it('refuses a status its kind does not have, and a choice outside the kind’s options', async () => {
    for (const kind of RECORD_KINDS) {
      const checks = (await t.db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'`, [kind.table])).rows.map((r) => r.def);
      const statusCheck = checks.find((c) => c.includes('status'));
      for (const state of kind.states) expect(statusCheck, `${kind.table}: ${state}`).toContain(`'${state}'`);
      for (const f of kind.fields) {
        if (f.type.is !== 'choice') continue;
        const check = checks.find((c) => c.includes(f.column));
        for (const option of Object.keys(f.type.options)) expect(check, `${kind.table}.${f.column}: ${option}`).toContain(`'${option}'`);
      }
    }
  });
});

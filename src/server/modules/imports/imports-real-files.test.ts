import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile } from '../../test/factories.ts';

// The European Commission's list of Erasmus charter holders (../shared/data, see its README):
// EU country codes (EL for Greece), Erasmus codes padded with non-breaking spaces, web sites
// without their scheme and with blanks around them, names in capitals with accents.
const ECHE = new URL('../../../../../shared/data/eche-erasmus-charter-holders-2021-2027/eche_holders_2021_2027.csv', import.meta.url);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

function sample(): { content: Buffer; rows: string[] } {
  const [header, ...lines] = readFileSync(ECHE, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  // The first rows (Austria), every Greek one (EL) among the next, and Paris's.
  const rows = [...lines.slice(0, 30), ...lines.filter((l) => l.includes(',EL,')).slice(0, 5), ...lines.filter((l) => l.includes('PARIS0')).slice(0, 5)];
  return { content: Buffer.from([header, ...rows].join('\n') + '\n', 'utf8'), rows };
}

async function send(step: 'preview' | 'commit', content: Buffer) {
  const columns = encodeURIComponent(JSON.stringify({ legal_name: 'nameEn', proposal_number: '', oid: '', street: '', post_code: '', eche_start: '', eche_end: '' }));
  const { payload, headers } = multipartFile('eche_holders_2021_2027.csv', content);
  return (await t.as('officer')).post(`/api/imports/institutions/${step}?columns=${columns}`, payload, headers);
}

describe('importing a real institution list (the Erasmus charter holders)', () => {
  it('reads every row with a mapping for the one header it cannot guess, then recognises the file by its Erasmus codes', async () => {
    const { content, rows } = sample();
    const preview = (await send('preview', content)).json();
    expect(preview.rows.filter((r: { class: string }) => r.class === 'error')).toEqual([]);
    expect(preview.counts).toEqual({ new: rows.length, update: 0, duplicate: 0, error: 0 });
    const greek = preview.rows.filter((r: { values: { countryCode: string } }) => r.values.countryCode === 'GR');
    expect(greek).toHaveLength(rows.filter((l) => l.includes(',EL,')).length);
    const committed = await send('commit', content);
    expect(committed.statusCode).toBe(201);
    expect(committed.json()).toMatchObject({ created: rows.length });
    const { rows: stored } = await t.db.query<{ website: string | null }>(`SELECT website FROM institutions WHERE erasmus_code LIKE 'A%BADEN01'`);
    expect(stored[0]!.website).toBe('http://www.ph-noe.ac.at');
    const again = (await send('preview', content)).json();
    expect(again.counts).toEqual({ new: 0, update: rows.length, duplicate: 0, error: 0 });
    expect(again.rows[0].matches[0].reason).toBe('same_identifier');
  });
});

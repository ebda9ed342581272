import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { startWorker, type Worker } from '../../jobs/queue.ts';
import type { JobType } from '../../jobs/job-type.ts';
import { client, emailOf, signInAs, startTestServer, type Client, type TestRole, type TestServer } from '../../test/harness.ts';
import { conferenceBody, institutionBody, multipartFile } from '../../test/factories.ts';
import { IMPORT_COMMIT_JOB, runDraftCommit } from './import-job.ts';
import { expireImportDrafts } from './import-drafts.service.ts';
import type { ImportDraftView } from '../../../shared/contracts/import-drafts.ts';
import type { TodoList } from '../../../shared/contracts/todo.ts';

let t: TestServer;
const workers: Worker[] = [];
let sydney: number;

beforeAll(async () => {
  t = await startTestServer();
  sydney = (await (await t.as('officer')).post('/api/institutions', institutionBody({ nameEn: 'The University of Sydney', nameZh: '悉尼大学', countryCode: 'AU' }))).json().id;
});
afterAll(async () => {
  for (const w of workers.splice(0)) await w.stop({ graceful: false });
  await t?.close();
});

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
const header = ['Name (English)', 'Name (Chinese)', 'Country or region', 'City'];
let serial = 0;
/** A file of `n` new institutions (names unique to this call), and the University of Sydney under another spelling when `withSydney`. */
function institutionsFile(n: number, withSydney = false): Buffer {
  serial += 1;
  const rows = Array.from({ length: n }, (_, i) => [`Draft University ${serial}-${i}`, `草稿大学${serial}-${i}`, 'France', 'Lyon']);
  return csv([header, ...(withSydney ? [['Univ. of Sydney', '悉尼大学', 'Australia', 'Sydney']] : []), ...rows]);
}

async function upload(who: Client, fileName: string, content: Buffer, kind = 'institutions', query = '') {
  const { payload, headers } = multipartFile(fileName, content);
  return who.post(`/api/imports/${kind}/drafts${query}`, payload, headers);
}

async function institutions(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions')).rows[0]!.n;
}

async function todoImports(who: Client): Promise<Array<{ id: number; importKind?: string; titleEn: string; link: string }>> {
  const list = (await who.get('/api/todo')).json<TodoList>();
  return list.items.filter((i) => i.kind === 'imports');
}

/** A worker that commits drafts, as every server process runs one. */
async function worker(): Promise<void> {
  if (workers.length) return;
  workers.push(await startWorker({ db: t.db, mailer: null, publicUrl: null, cipher: t.cipher }, { types: [IMPORT_COMMIT_JOB as JobType<never>], pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, onError: () => undefined }));
}

/** Reads the draft until it is no longer committing; every rowsDone seen on the way. */
async function untilSettled(who: Client, id: number, timeoutMs = 50_000): Promise<{ draft: ImportDraftView; seen: number[] }> {
  const end = Date.now() + timeoutMs;
  const seen: number[] = [];
  for (;;) {
    const draft = (await who.get(`/api/imports/drafts/${id}`)).json<ImportDraftView>();
    seen.push(draft.rowsDone);
    if (draft.status !== 'committing') return { draft, seen };
    if (Date.now() > end) throw new Error(`draft ${id} still committing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('import drafts', () => {
  it('an upload is kept as a draft with its preview, and waits on its uploader\'s to-do list only', async () => {
    const officer = await t.as('officer');
    const created = await upload(officer, 'partners.csv', institutionsFile(2, true));
    expect(created.statusCode, created.body).toBe(201);
    const { draft, preview } = created.json<{ draft: ImportDraftView; preview: { counts: Record<string, number>; rows: unknown[] } }>();
    expect(draft).toMatchObject({ status: 'previewed', kind: 'institutions', fileName: 'partners.csv', rowsDone: 0, rowsTotal: preview.rows.length, counts: preview.counts });
    expect(preview.counts).toEqual({ new: 2, update: 0, duplicate: 1, error: 0 });

    const items = await todoImports(officer);
    expect(items).toContainEqual(expect.objectContaining({ id: draft.id, importKind: 'institutions', titleEn: 'partners.csv', link: `/imports?draft=${draft.id}` }));
    for (const role of ['admin', 'coordinatorA'] as TestRole[]) expect((await todoImports(await t.as(role))).map((i) => i.id)).not.toContain(draft.id);
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'import_draft' AND entity_id = $1 AND action = 'create'`, [draft.id]);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('another user, of the office or of a unit, can neither read, change nor commit a draft (404); the administrator reads it', async () => {
    const coordinator = await t.as('coordinatorA');
    const mine = (await upload(coordinator, 'unit-a.csv', institutionsFile(1))).json<{ draft: ImportDraftView }>().draft;
    const theirs = (await upload(await t.as('officer'), 'office.csv', institutionsFile(1))).json<{ draft: ImportDraftView }>().draft;
    for (const [role, draft] of [['coordinatorB', mine], ['officer', mine], ['viewer', mine], ['coordinatorA', theirs]] as const) {
      const who = await t.as(role);
      expect((await who.get(`/api/imports/drafts/${draft.id}`)).statusCode, role).toBe(404);
      expect((await who.get(`/api/imports/drafts/${draft.id}/preview`)).statusCode, role).toBe(404);
      expect((await who.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, decisions: {} })).statusCode, role).toBe(404);
      expect((await who.post(`/api/imports/drafts/${draft.id}/commit`, { version: draft.version })).statusCode, role).toBe(404);
    }
    const admin = await t.as('admin');
    expect((await admin.get(`/api/imports/drafts/${mine.id}`)).json()).toMatchObject({ id: mine.id, fileName: 'unit-a.csv' });
    expect((await admin.post(`/api/imports/drafts/${mine.id}/commit`, { version: mine.version })).statusCode).toBe(404);
    expect((await admin.get(`/api/imports/drafts/${mine.id}`)).json().status).toBe('previewed');
  });

  it('refuses bad decisions, each named by its field, and saves good ones', async () => {
    const officer = await t.as('officer');
    const draft = (await upload(officer, 'decide.csv', institutionsFile(1, true))).json<{ draft: ImportDraftView }>().draft;
    const unknownRow = await officer.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, decisions: { '99': 'create' } }, { 'accept-language': 'fr' });
    expect(unknownRow.statusCode).toBe(400);
    expect(unknownRow.json().error.fields).toEqual([{ field: 'decisions.99', message: "decisions.99: n'est pas une ligne du fichier" }]);
    const notMatch = await officer.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, decisions: { '2': sydney + 100000 } });
    expect(notMatch.statusCode).toBe(400);
    expect(notMatch.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['decisions.2']);
    const badValue = await officer.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, decisions: { '2': 'merge' } });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().error.fields[0].field).toMatch(/^decisions/);
    const stale = await officer.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version + 5, decisions: {} });
    expect(stale.statusCode).toBe(409);

    const saved = await officer.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, decisions: { '2': sydney } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().draft).toMatchObject({ decisions: { '2': sydney }, version: draft.version + 1 });
    expect((await officer.get(`/api/imports/drafts/${draft.id}`)).json().decisions).toEqual({ '2': sydney });
  });

  it('a draft survives a new server instance, is committed from it through the job queue, its progress reaching its total, and leaves the to-do list', async () => {
    const before = await institutions();
    const rows = t.db.engine === 'postgresql' ? 450 : 3;
    const draft = (await upload(await t.as('officer'), 'restart.csv', institutionsFile(rows))).json<{ draft: ImportDraftView }>().draft;

    // A second server on the same database, as after a restart: nothing of the first one's memory.
    const config = { ...readConfig({}), webDir: '/nonexistent', signInRateLimit: 100 };
    const second = await buildApp({ db: t.db, config, cipher: t.cipher });
    await second.ready();
    try {
      const { cookie, csrf } = await signInAs(second, emailOf('officer'));
      const officer = client(second, cookie, csrf);
      const read = (await officer.get(`/api/imports/drafts/${draft.id}`)).json<ImportDraftView>();
      expect(read).toMatchObject({ status: 'previewed', rowsTotal: rows, version: draft.version });
      const reopened = await officer.get(`/api/imports/drafts/${draft.id}/preview`);
      expect(reopened.json().preview.counts).toEqual({ new: rows, update: 0, duplicate: 0, error: 0 });

      const committing = await officer.post(`/api/imports/drafts/${draft.id}/commit`, { version: read.version });
      expect(committing.statusCode, committing.body).toBe(200);
      expect(committing.json()).toMatchObject({ status: 'committing', rowsDone: 0 });
      // Queued, not written: no worker runs yet.
      expect(await institutions()).toBe(before);
      await worker();
      const { draft: done, seen } = await untilSettled(officer, draft.id);
      expect(done).toMatchObject({ status: 'committed', rowsDone: rows, rowsTotal: rows, error: null, outcome: { created: rows, updated: 0, skipped: 0 } });
      expect(await institutions()).toBe(before + rows);
      // On PostgreSQL the progress is written beside the import's transaction, and seen on the way.
      if (t.db.engine === 'postgresql') expect(seen.some((n) => n > 0 && n < rows)).toBe(true);
      const history = await (await t.as('officer')).get(`/api/imports/history/${done.importId}`);
      expect(history.json()).toMatchObject({ id: done.importId, fileName: 'restart.csv' });
      expect((await todoImports(officer)).map((i) => i.id)).not.toContain(draft.id);
      const stored = await t.db.query<{ content: Buffer | null }>('SELECT content FROM import_drafts WHERE id = $1', [draft.id]);
      expect(stored.rows[0]!.content).toBeNull();
      expect((await officer.post(`/api/imports/drafts/${draft.id}/commit`, { version: done.version })).statusCode).toBe(409);
    } finally {
      await second.close();
    }
  });

  it('a commit refused by a bad row marks the draft failed, in the reader\'s language, writing nothing', async () => {
    const officer = await t.as('officer');
    const before = await institutions();
    serial += 1;
    const file = csv([header, [`Good ${serial}`, '好', 'France', 'Paris'], [`Bad ${serial}`, '坏', 'Atlantis', 'Nowhere']]);
    const draft = (await upload(officer, 'bad.csv', file)).json<{ draft: ImportDraftView }>().draft;
    expect(draft.counts.error).toBe(1);
    await officer.post(`/api/imports/drafts/${draft.id}/commit`, { version: draft.version });
    await worker();
    await untilSettled(officer, draft.id);
    const failed = (await officer.get(`/api/imports/drafts/${draft.id}`, { 'accept-language': 'zh-CN' })).json<ImportDraftView>();
    expect(failed.status).toBe('failed');
    expect(failed.error!.code).toBe('validation_failed');
    expect(failed.error!.message).toBe('部分字段无效。');
    expect(failed.error!.fields.map((f) => f.field)).toEqual(['rows.3.Country or region']);
    expect(await institutions()).toBe(before);
    // A failed draft still waits for a decision: the user may fix their choices, commit again, or discard it.
    expect((await todoImports(officer)).map((i) => i.id)).toContain(draft.id);
  });

  it('a discarded draft leaves the to-do list, drops its file and can no longer be committed', async () => {
    const officer = await t.as('officer');
    const draft = (await upload(officer, 'discard.csv', institutionsFile(1))).json<{ draft: ImportDraftView }>().draft;
    expect((await todoImports(officer)).map((i) => i.id)).toContain(draft.id);
    const discarded = await officer.post(`/api/imports/drafts/${draft.id}/discard`, { version: draft.version });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json().status).toBe('discarded');
    expect((await todoImports(officer)).map((i) => i.id)).not.toContain(draft.id);
    expect((await officer.post(`/api/imports/drafts/${draft.id}/commit`, { version: discarded.json().version })).statusCode).toBe(409);
    const stored = await t.db.query<{ content: Buffer | null }>('SELECT content FROM import_drafts WHERE id = $1', [draft.id]);
    expect(stored.rows[0]!.content).toBeNull();
  });

  it('a draft past 30 days leaves the to-do list and cannot be committed', async () => {
    const officer = await t.as('officer');
    const draft = (await upload(officer, 'old.csv', institutionsFile(1))).json<{ draft: ImportDraftView }>().draft;
    await t.db.query(`UPDATE import_drafts SET created_at = now() - interval '31 days' WHERE id = $1`, [draft.id]);
    expect((await todoImports(officer)).map((i) => i.id)).not.toContain(draft.id);
    const refused = await officer.post(`/api/imports/drafts/${draft.id}/commit`, { version: draft.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('import_draft_expired');
    // The hourly sweep deletes it; a draft within its 30 days stays.
    const young = (await upload(officer, 'young.csv', institutionsFile(1))).json<{ draft: ImportDraftView }>().draft;
    expect(await expireImportDrafts(t.db)).toBeGreaterThanOrEqual(1);
    expect((await officer.get(`/api/imports/drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/imports/drafts/${young.id}`)).json().status).toBe('previewed');
  });

  it('the commit runs as its uploader as they are now: one disabled since is refused, writing nothing', async () => {
    const coordinator = await t.as('coordinatorB');
    const before = await institutions();
    const draft = (await upload(coordinator, 'later.csv', institutionsFile(1))).json<{ draft: ImportDraftView }>().draft;
    const committing = await coordinator.post(`/api/imports/drafts/${draft.id}/commit`, { version: draft.version });
    expect(committing.statusCode, committing.body).toBe(200);
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [t.userIds.coordinatorB]);
    try {
      await worker();
      const end = Date.now() + 50_000;
      let status = 'committing';
      while (status === 'committing' && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await t.db.query<{ status: string }>('SELECT status FROM import_drafts WHERE id = $1', [draft.id])).rows[0]!.status;
      }
      expect(status).toBe('failed');
      const error = (await t.db.query<{ error: { code: string } }>('SELECT error FROM import_drafts WHERE id = $1', [draft.id])).rows[0]!.error;
      expect(error.code).toBe('import_owner_refused');
      expect(await institutions()).toBe(before);
    } finally {
      await t.db.query('UPDATE users SET disabled = false WHERE id = $1', [t.userIds.coordinatorB]);
    }
  });
});

describe('import drafts keep their preview rows staged, paged by class', () => {
  it('pages through the rows of one class or of all in file order, the draft answering with counts and the first page only', async () => {
    const officer = await t.as('officer');
    serial += 1;
    // 60 new rows, the University of Sydney again (a possible duplicate) at row 2, and two bad countries at rows 30 and 63.
    const rows = Array.from({ length: 60 }, (_, i) => [`Paged University ${serial}-${i}`, `分页大学${serial}-${i}`, 'France', 'Lyon']);
    rows.splice(28, 0, [`Bad Paged ${serial}-a`, '坏', 'Atlantis', 'Nowhere']);
    const file = csv([header, ['Univ. of Sydney', '悉尼大学', 'Australia', 'Sydney'], ...rows, [`Bad Paged ${serial}-b`, '坏', 'Atlantis', 'Nowhere']]);
    const created = await upload(officer, 'paged.csv', file);
    expect(created.statusCode, created.body).toBe(201);
    const { draft, preview } = created.json<{ draft: ImportDraftView; preview: { counts: Record<string, number>; rows: Array<{ rowNumber: number }>; rowsTotal: number; pageSize: number } }>();
    expect(preview.counts).toEqual({ new: 60, update: 0, duplicate: 1, error: 2 });
    expect(draft.rowsTotal).toBe(63);
    expect(preview.rowsTotal).toBe(63);
    expect(preview.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: preview.pageSize }, (_, i) => i + 2));
    const staged = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_draft_rows WHERE draft_id = $1', [draft.id]);
    expect(staged.rows[0]!.n).toBe(63);

    const all2 = (await officer.get(`/api/imports/drafts/${draft.id}/rows?page=2&pageSize=25`)).json();
    expect(all2).toMatchObject({ total: 63, page: 2, pageSize: 25, class: null });
    expect(all2.items.map((r: { rowNumber: number }) => r.rowNumber)).toEqual(Array.from({ length: 25 }, (_, i) => i + 27));
    const errors = await officer.get(`/api/imports/drafts/${draft.id}/rows?class=error`, { 'accept-language': 'fr' });
    expect(errors.statusCode, errors.body).toBe(200);
    expect(errors.json()).toMatchObject({ total: 2, page: 1, class: 'error' });
    expect(errors.json().items.map((r: { rowNumber: number; class: string }) => [r.rowNumber, r.class])).toEqual([[31, 'error'], [64, 'error']]);
    expect(errors.json().items[0].problems[0]).toMatchObject({ column: 'Country or region' });
    const duplicates = (await officer.get(`/api/imports/drafts/${draft.id}/rows?class=duplicate`)).json();
    expect(duplicates.items).toHaveLength(1);
    expect(duplicates.items[0]).toMatchObject({ rowNumber: 2, class: 'duplicate', matches: [expect.objectContaining({ id: sydney })] });
    const lastNew = (await officer.get(`/api/imports/drafts/${draft.id}/rows?class=new&page=3&pageSize=25`)).json();
    expect(lastNew).toMatchObject({ total: 60, page: 3 });
    expect(lastNew.items).toHaveLength(10);
    expect(lastNew.items.every((r: { class: string }) => r.class === 'new')).toBe(true);
    expect((await officer.get(`/api/imports/drafts/${draft.id}/rows?page=9`)).json().items).toEqual([]);

    // A bad query is refused naming its field, in the reader's language.
    for (const [locale, text] of [['en', 'class'], ['zh-CN', 'class'], ['fr', 'class']] as const) {
      const bad = await officer.get(`/api/imports/drafts/${draft.id}/rows?class=maybe&pageSize=500`, { 'accept-language': locale });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual([text, 'pageSize']);
    }
    const messages = await Promise.all((['en', 'zh-CN', 'fr'] as const).map(async (locale) => (await officer.get(`/api/imports/drafts/${draft.id}/rows?pageSize=500`, { 'accept-language': locale })).json().error.fields[0].message as string));
    expect(new Set(messages).size).toBe(3);

    // A decision is checked against the staged rows: the proposed record for row 2, a row the file does not have.
    const saved = await officer.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, decisions: { '2': sydney } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().preview.rows).toHaveLength(preview.pageSize);
    expect((await officer.patch(`/api/imports/drafts/${draft.id}`, { version: saved.json().draft.version, decisions: { '66': 'create' } })).statusCode).toBe(400);

    // Discarded: its staged rows go, and its rows are no longer read.
    const discarded = await officer.post(`/api/imports/drafts/${draft.id}/discard`, { version: saved.json().draft.version });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_draft_rows WHERE draft_id = $1', [draft.id])).rows[0]!.n).toBe(0);
    expect((await officer.get(`/api/imports/drafts/${draft.id}/rows`)).statusCode).toBe(409);
  });

  it("another user's draft is 404 on its rows, a coordinator's out of scope too; the administrator reads them; a draft's rows go with it when it expires", async () => {
    const coordinator = await t.as('coordinatorA');
    const mine = (await upload(coordinator, 'unit-a-rows.csv', institutionsFile(3))).json<{ draft: ImportDraftView }>().draft;
    expect((await coordinator.get(`/api/imports/drafts/${mine.id}/rows`)).json().total).toBe(3);
    for (const role of ['coordinatorB', 'officer', 'viewer'] as TestRole[]) {
      expect((await (await t.as(role)).get(`/api/imports/drafts/${mine.id}/rows`)).statusCode, role).toBe(404);
      expect((await (await t.as(role)).get(`/api/imports/drafts/${mine.id}/rows?class=new`)).statusCode, role).toBe(404);
    }
    expect((await (await t.as('admin')).get(`/api/imports/drafts/${mine.id}/rows`)).json().items).toHaveLength(3);
    expect((await coordinator.get('/api/imports/drafts/999999999/rows')).statusCode).toBe(404);

    // Attendees of a conference that has left the coordinator's unit since the upload: its rows are out of scope (404).
    const conference = await heldConference();
    serial += 1;
    const attendees = (await upload(coordinator, 'rows-moved.csv', attendeesFile([`Rows Moved ${serial}`]), 'attendees', `?conference=${conference.id}`)).json<{ draft: ImportDraftView }>().draft;
    expect((await coordinator.get(`/api/imports/drafts/${attendees.id}/rows`)).statusCode).toBe(200);
    const officer = await t.as('officer');
    const current = (await officer.get(`/api/conferences/${conference.id}`)).json();
    expect((await officer.patch(`/api/conferences/${conference.id}`, { hostUnitId: t.units.b, version: current.version })).statusCode).toBe(200);
    expect((await coordinator.get(`/api/imports/drafts/${attendees.id}/rows`)).statusCode).toBe(404);

    await t.db.query(`UPDATE import_drafts SET created_at = now() - interval '31 days' WHERE id = $1`, [mine.id]);
    await expireImportDrafts(t.db);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_draft_rows WHERE draft_id = $1', [mine.id])).rows[0]!.n).toBe(0);
  });
});

/** A held conference of unit A, with no attendees yet. */
async function heldConference(): Promise<{ id: number; version: number }> {
  const officer = await t.as('officer');
  let row = (await officer.post('/api/conferences', conferenceBody(t.units.a, { foreignParticipants: 10 }))).json();
  for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]) row = (await officer.post(`/api/conferences/${row.id}/transitions`, { ...step, version: row.version })).json();
  return row as { id: number; version: number };
}

async function attendeeNames(conferenceId: number): Promise<string[]> {
  return ((await (await t.as('officer')).get(`/api/conferences/${conferenceId}/attendees`)).json() as Array<{ fullName: string }>).map((a) => a.fullName);
}

/** A file of attendees with no Conference column: only the conference chosen for it tells where they go. */
function attendeesFile(names: string[]): Buffer {
  return csv([['Name', 'Country or region', 'Role'], ...names.map((n) => [n, 'France', 'Speaker'])]);
}

describe('import drafts keep the kind\'s choices (the conference a file of attendees is added to)', () => {
  it('a draft of attendees for a conference is previewed, committed in the background, and adds them to THAT conference', async () => {
    const chosen = await heldConference();
    const other = await heldConference();
    serial += 1;
    const names = [`Anne Draft ${serial}`, `Bruno Draft ${serial}`, `Chloé Draft ${serial}`];
    const coordinator = await t.as('coordinatorA');
    const created = await upload(coordinator, 'attendees.csv', attendeesFile(names), 'attendees', `?conference=${chosen.id}`);
    expect(created.statusCode, created.body).toBe(201);
    const { draft, preview } = created.json<{ draft: ImportDraftView; preview: { counts: Record<string, number> } }>();
    expect(draft.choices).toEqual({ conference: chosen.id });
    expect(preview.counts).toEqual({ new: names.length, update: 0, duplicate: 0, error: 0 });
    const stored = await t.db.query<{ choices: unknown }>('SELECT choices FROM import_drafts WHERE id = $1', [draft.id]);
    expect(stored.rows[0]!.choices).toEqual({ conference: chosen.id });

    // Reopened (the to-do list's link, a reload) and saved again: read with the same conference, no error row.
    const reopened = await coordinator.get(`/api/imports/drafts/${draft.id}/preview`);
    expect(reopened.json().preview.counts).toEqual(preview.counts);
    const saved = await coordinator.patch(`/api/imports/drafts/${draft.id}`, { version: draft.version, dayFirst: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().preview.counts).toEqual(preview.counts);
    expect(saved.json().draft.choices).toEqual({ conference: chosen.id });

    const committing = await coordinator.post(`/api/imports/drafts/${draft.id}/commit`, { version: saved.json().draft.version });
    expect(committing.statusCode, committing.body).toBe(200);
    expect(committing.json().status).toBe('committing');
    await worker();
    const { draft: done } = await untilSettled(coordinator, draft.id);
    expect(done).toMatchObject({ status: 'committed', rowsDone: names.length, outcome: { created: names.length, updated: 0, skipped: 0 }, choices: { conference: chosen.id } });
    expect((await attendeeNames(chosen.id)).sort()).toEqual([...names].sort());
    expect(await attendeeNames(other.id)).toEqual([]);

    // A choice the kind does not take is not kept: institutions have no conference.
    const institutionsDraft = await upload(coordinator, 'partners.csv', institutionsFile(1), 'institutions', `?conference=${chosen.id}`);
    expect(institutionsDraft.statusCode, institutionsDraft.body).toBe(201);
    expect(institutionsDraft.json().draft.choices).toEqual({});
  });

  it('a coordinator cannot make a draft for another unit\'s conference (404), and no draft is kept', async () => {
    const conference = await heldConference();
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_drafts WHERE kind = 'attendees'`)).rows[0]!.n;
    const refused = await upload(await t.as('coordinatorB'), 'theirs.csv', attendeesFile(['Someone Else']), 'attendees', `?conference=${conference.id}`);
    expect(refused.statusCode, refused.body).toBe(404);
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_drafts WHERE kind = 'attendees'`)).rows[0]!.n).toBe(before);
    expect(await attendeeNames(conference.id)).toEqual([]);
  });

  it('a draft whose conference has left the coordinator\'s reach since is not committed (404), nor written by a job already queued', async () => {
    const conference = await heldConference();
    serial += 1;
    const coordinator = await t.as('coordinatorA');
    const first = (await upload(coordinator, 'moved.csv', attendeesFile([`Moved ${serial}`]), 'attendees', `?conference=${conference.id}`)).json<{ draft: ImportDraftView }>().draft;
    const second = (await upload(coordinator, 'queued.csv', attendeesFile([`Queued ${serial}`]), 'attendees', `?conference=${conference.id}`)).json<{ draft: ImportDraftView }>().draft;
    // The second was committed before the move, its job not yet run (marked as the commit marks it, no job queued here).
    await t.db.query(`UPDATE import_drafts SET status = 'committing' WHERE id = $1`, [second.id]);

    // The office moves the conference to unit B.
    const officer = await t.as('officer');
    const current = (await officer.get(`/api/conferences/${conference.id}`)).json();
    const moved = await officer.patch(`/api/conferences/${conference.id}`, { hostUnitId: t.units.b, version: current.version });
    expect(moved.statusCode, moved.body).toBe(200);

    const refused = await coordinator.post(`/api/imports/drafts/${first.id}/commit`, { version: first.version });
    expect(refused.statusCode, refused.body).toBe(404);
    expect((await coordinator.get(`/api/imports/drafts/${first.id}`)).json().status).toBe('previewed');
    expect((await coordinator.get(`/api/imports/drafts/${first.id}/preview`)).statusCode).toBe(404);

    await runDraftCommit({ db: t.db, mailer: null, publicUrl: null, cipher: t.cipher }, { data: { draftId: second.id }, retryCount: 0, retryLimit: 3 });
    const failed = (await coordinator.get(`/api/imports/drafts/${second.id}`)).json<ImportDraftView>();
    expect(failed.status).toBe('failed');
    expect(failed.error!.code).toBe('not_found');
    expect(await attendeeNames(conference.id)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile, personBody, visitBody } from '../../test/factories.ts';
import { VISIT_FILE_MAX_BYTES } from '../../../shared/contracts/visits.ts';

let t: TestServer;
let visitId: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const person = (await officer.post('/api/people', personBody({ unitId: t.units.a }))).json().id;
  visitId = (await officer.post('/api/visits', visitBody(t.units.a, [person]))).json().id;
});
afterAll(async () => t?.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);

const fileCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_files')).rows[0]!.n;

async function upload(role: Parameters<TestServer['as']>[0], fileName: string, content: Buffer, contentType?: string, id = visitId) {
  const { payload, headers } = multipartFile(fileName, content, contentType);
  return (await t.as(role)).post(`/api/visits/${id}/files`, payload, headers);
}

describe('photos and signed minutes', () => {
  it('stores a PDF or a photo with the visit, lists it, and gives the same bytes back', async () => {
    const response = await upload('officer', 'procès-verbal signé.pdf', PDF, 'application/pdf');
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({ fileName: 'procès-verbal signé.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    expect((await upload('coordinatorA', 'group photo.jpg', JPEG, 'image/jpeg')).json().mediaType).toBe('image/jpeg');
    const officer = await t.as('officer');
    const visit = (await officer.get(`/api/visits/${visitId}`)).json();
    expect(visit.files.map((f: { fileName: string }) => f.fileName)).toEqual(['procès-verbal signé.pdf', 'group photo.jpg']);
    const download = await officer.get(`/api/visits/${visitId}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const { rows } = await t.db.query(`SELECT action, unit_id FROM audit_log WHERE entity = 'visit_file' AND entity_id = $1`, [String(file.id)]);
    expect(rows).toEqual([{ action: 'create', unit_id: t.units.a }]);
  });

  it('refuses a file that is not a PDF or an image with 400, whatever it claims to be, and stores nothing', async () => {
    const before = await fileCount();
    const fake = await upload('officer', 'photo.jpg', Buffer.from('MZ\x90\x00 an executable'), 'image/jpeg');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields).toEqual([{ field: 'file', message: 'file: must be a PDF or an image (PNG, JPEG, TIFF)' }]);
    expect((await upload('officer', 'minutes.docx', Buffer.from('PK\x03\x04 a word file'))).statusCode).toBe(400);
    expect(await fileCount()).toBe(before);
  });

  it('refuses an oversized file with 413 naming the file and the limit, and stores nothing', async () => {
    const before = await fileCount();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(VISIT_FILE_MAX_BYTES, 0x20)]);
    const response = await upload('officer', 'huge.pdf', big, 'application/pdf');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(response.json().error.fields).toEqual([{ field: 'file', message: 'file: is larger than 20 MB' }]);
    expect(await fileCount()).toBe(before);
  });

  it('refuses a request with no file with 400 naming the file', async () => {
    const officer = await t.as('officer');
    const json = await officer.post(`/api/visits/${visitId}/files`, {});
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields[0].field).toBe('file');
    expect((await upload('officer', 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
  });

  it('keeps another unit\u2019s files out of reach (404) and lets the viewer read but not write (403)', async () => {
    const [file] = (await (await t.as('officer')).get(`/api/visits/${visitId}`)).json().files;
    const coordinatorB = await t.as('coordinatorB');
    expect((await coordinatorB.get(`/api/visits/${visitId}/files/${file.id}`)).statusCode).toBe(404);
    expect((await upload('coordinatorB', 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await coordinatorB.delete(`/api/visits/${visitId}/files/${file.id}`)).statusCode).toBe(404);
    expect((await (await t.as('viewer')).get(`/api/visits/${visitId}/files/${file.id}`)).statusCode).toBe(200);
    expect((await upload('viewer', 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await upload('officer', 'x.pdf', PDF, undefined, 999999)).statusCode).toBe(404);
  });

  it('removes a file, audited with the visit\u2019s unit', async () => {
    const officer = await t.as('officer');
    const [file] = (await officer.get(`/api/visits/${visitId}`)).json().files;
    expect((await officer.delete(`/api/visits/${visitId}/files/${file.id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/visits/${visitId}/files/${file.id}`)).statusCode).toBe(404);
    const { rows } = await t.db.query(`SELECT action, unit_id FROM audit_log WHERE entity = 'visit_file' AND entity_id = $1 ORDER BY id`, [String(file.id)]);
    expect(rows).toEqual([{ action: 'create', unit_id: t.units.a }, { action: 'delete', unit_id: t.units.a }]);
  });

  it('goes with its visit when the visit is deleted', async () => {
    const officer = await t.as('officer');
    const person = (await officer.post('/api/people', personBody({ unitId: t.units.a }))).json().id;
    const visit = (await officer.post('/api/visits', visitBody(t.units.a, [person]))).json();
    await upload('officer', 'p.pdf', PDF, 'application/pdf', visit.id);
    expect((await officer.delete(`/api/visits/${visit.id}?version=${visit.version}`)).statusCode).toBe(204);
    const { rows } = await t.db.query('SELECT 1 FROM visit_files WHERE visit_id = $1', [visit.id]);
    expect(rows).toEqual([]);
  });
});

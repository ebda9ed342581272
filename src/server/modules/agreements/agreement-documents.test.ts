import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody, multipartFile } from '../../test/factories.ts';
import { AGREEMENT_DOCUMENT_MAX_BYTES } from '../../../shared/contracts/agreements.ts';

let t: TestServer;
let agreementId: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const partner = (await officer.post('/api/institutions', institutionBody())).json().id;
  agreementId = (await officer.post('/api/agreements', agreementBody([partner], { level: 'collegiate', unitId: t.units.a }))).json().id;
});
afterAll(async () => t?.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

const documentCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_documents')).rows[0]!.n;

async function upload(role: Parameters<TestServer['as']>[0], fileName: string, content: Buffer, contentType?: string, id = agreementId) {
  const { payload, headers } = multipartFile(fileName, content, contentType);
  return (await t.as(role)).post(`/api/agreements/${id}/documents`, payload, headers);
}

describe('signed documents', () => {
  it('stores a PDF or an image scan with the agreement, lists it, and gives the same bytes back', async () => {
    const response = await upload('officer', 'accord signé 2024.pdf', PDF, 'application/pdf');
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({ fileName: 'accord signé 2024.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    expect((await upload('coordinatorA', 'scan.png', PNG, 'image/png')).json().mediaType).toBe('image/png');
    const officer = await t.as('officer');
    const agreement = (await officer.get(`/api/agreements/${agreementId}`)).json();
    expect(agreement.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['accord signé 2024.pdf', 'scan.png']);
    const download = await officer.get(`/api/agreements/${agreementId}/documents/${document.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const { rows } = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'agreement_document' AND entity_id = $1`, [String(document.id)]);
    expect(rows).toEqual([{ action: 'create' }]);
  });

  it('refuses a file that is not a PDF or an image with 400, whatever it claims to be, and stores nothing', async () => {
    const before = await documentCount();
    const fake = await upload('officer', 'contract.pdf', Buffer.from('MZ\x90\x00 this is an executable'), 'application/pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields).toEqual([{ field: 'file', message: 'file: must be a PDF or an image (PNG, JPEG, TIFF)' }]);
    const text = await upload('officer', 'notes.txt', Buffer.from('just text'), 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(await documentCount()).toBe(before);
  });

  it('refuses an oversized file with 413 naming the file and the limit, and stores nothing', async () => {
    const before = await documentCount();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(AGREEMENT_DOCUMENT_MAX_BYTES, 0x20)]);
    const response = await upload('officer', 'huge.pdf', big, 'application/pdf');
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large', fields: [{ field: 'file', message: 'file: is larger than 20 MB' }] });
    expect(await documentCount()).toBe(before);
  });

  it('refuses a request with no file, and a JSON body, with 400 naming the file', async () => {
    const officer = await t.as('officer');
    const json = await officer.post(`/api/agreements/${agreementId}/documents`, {});
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields[0].field).toBe('file');
    const empty = await upload('officer', 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('keeps another unit\u2019s documents out of reach (404) and lets the viewer read but not write (403)', async () => {
    const [document] = (await (await t.as('officer')).get(`/api/agreements/${agreementId}`)).json().documents;
    const coordinatorB = await t.as('coordinatorB');
    expect((await coordinatorB.get(`/api/agreements/${agreementId}/documents/${document.id}`)).statusCode).toBe(404);
    expect((await upload('coordinatorB', 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await coordinatorB.delete(`/api/agreements/${agreementId}/documents/${document.id}`)).statusCode).toBe(404);
    expect((await (await t.as('viewer')).get(`/api/agreements/${agreementId}/documents/${document.id}`)).statusCode).toBe(200);
    expect((await upload('viewer', 'x.pdf', PDF)).statusCode).toBe(403);
  });

  it('removes a document, audited', async () => {
    const officer = await t.as('officer');
    const [document] = (await officer.get(`/api/agreements/${agreementId}`)).json().documents;
    expect((await officer.delete(`/api/agreements/${agreementId}/documents/${document.id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/agreements/${agreementId}/documents/${document.id}`)).statusCode).toBe(404);
    const { rows } = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'agreement_document' AND entity_id = $1 ORDER BY id`, [String(document.id)]);
    expect(rows).toEqual([{ action: 'create' }, { action: 'delete' }]);
  });
});

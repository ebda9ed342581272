import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, signInAs, startTestServer, type TestServer } from '../test/harness.ts';
import { agreementBody, conferenceBody, institutionBody, multipartFile, personBody, visitBody } from '../test/factories.ts';
import { AGREEMENT_DOCUMENT_MAX_BYTES } from '../../shared/contracts/agreements.ts';
import { VISIT_FILE_MAX_BYTES } from '../../shared/contracts/visits.ts';
import { SPREADSHEET_MAX_BYTES } from '../interop/spreadsheet-limits.ts';

// Uploads over their limit are refused with 413 without waiting for the body: the server
// answers while the client is still sending (and before any byte when the declared length is
// too large), keeping nothing of what it read.

let t: TestServer;
let port: number;
let session: { cookie: string; csrf: string };
let routes: Array<{ name: string; url: string; maxBytes: number; limitText: string; stored: () => Promise<number> }>;

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const partner = (await officer.post('/api/institutions', institutionBody())).json().id;
  const agreement = (await officer.post('/api/agreements', agreementBody([partner]))).json().id;
  const person = (await officer.post('/api/people', personBody({ unitId: t.units.a }))).json().id;
  const visit = (await officer.post('/api/visits', visitBody(t.units.a, [person]))).json().id;
  let conference = (await officer.post('/api/conferences', conferenceBody(t.units.a, { foreignParticipants: 3 }))).json();
  for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]) {
    conference = (await officer.post(`/api/conferences/${conference.id}/transitions`, { ...step, version: conference.version })).json();
  }
  routes = [
    { name: 'agreement document', url: `/api/agreements/${agreement}/documents`, maxBytes: AGREEMENT_DOCUMENT_MAX_BYTES, limitText: '20 MB', stored: () => count('SELECT count(*)::int AS n FROM agreement_documents') },
    { name: 'visit file', url: `/api/visits/${visit}/files`, maxBytes: VISIT_FILE_MAX_BYTES, limitText: '20 MB', stored: () => count('SELECT count(*)::int AS n FROM visit_files') },
    {
      name: 'attendee list',
      url: `/api/imports/attendees/commit?conference=${conference.id}`,
      maxBytes: SPREADSHEET_MAX_BYTES,
      limitText: '10 MB',
      stored: () => count('SELECT count(*)::int AS n FROM conference_attendees'),
    },
  ];
  session = await signInAs(t.app, emailOf('officer'));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t?.close());

interface Streamed {
  status: number;
  body: string;
  /** Bytes the client had handed to the socket when the first byte of the answer arrived. */
  sentWhenAnswered: number;
  total: number;
}

/** The status, headers and body of a raw HTTP/1.1 answer, once it is all there; else null. */
function parseAnswer(raw: Buffer): { status: number; headers: Record<string, string>; body: string } | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const body = raw.subarray(end + 4);
  if (body.length < Number(headers['content-length'] ?? 0)) return null;
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8') };
}

/**
 * POSTs a multipart body of `fileBytes` bytes to `url` over a raw socket, chunked (or, with
 * `declare`, only headers declaring that length), 64 kB at a time, stopping as soon as an
 * answer starts to arrive. A raw socket, because the server closing mid-upload makes an HTTP
 * client report the broken pipe rather than the answer that came before it.
 */
function streamUpload(url: string, fileBytes: number, declare?: number): Promise<Streamed> {
  const boundary = '----interchange-stream';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + (fileBytes - 9) + tail.length;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const requestHead = [
    `POST ${url} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Cookie: ${session.cookie}`,
    `X-CSRF-Token: ${session.csrf}`,
    'Accept-Language: en',
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    declare ? `Content-Length: ${declare}` : 'Transfer-Encoding: chunked',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let sent = 0;
    let sentWhenAnswered = -1;
    const finish = () => {
      const answer = parseAnswer(Buffer.concat(received));
      if (!answer) return false;
      socket.destroy();
      resolve({ status: answer.status, body: answer.body, sentWhenAnswered, total });
      return true;
    };
    socket.on('data', (data: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      received.push(data);
      finish();
    });
    // Writes after the server has answered and closed fail (EPIPE, ECONNRESET): that is the point.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!finish()) reject(new Error(`no complete answer after ${sent} of ${total} bytes: ${Buffer.concat(received).toString('latin1').slice(0, 200)}`));
    });
    const write = (buffer: Buffer, framed = !declare): Promise<void> =>
      new Promise((done) => {
        if (socket.destroyed) return done();
        if (framed) socket.write(`${buffer.length.toString(16)}\r\n`);
        sent += buffer.length;
        const flushed = socket.write(framed ? Buffer.concat([buffer, Buffer.from('\r\n')]) : buffer);
        if (flushed) done();
        else {
          const go = () => {
            socket.off('close', go);
            socket.off('drain', go);
            done();
          };
          socket.once('drain', go);
          socket.once('close', go);
        }
      });
    socket.on('connect', () => {
      void (async () => {
        socket.write(requestHead);
        // A declared length beyond the limit: the answer must come before any byte of the body.
        if (declare) return;
        await write(head);
        let left = fileBytes - 9; // "%PDF-1.7\n" is in the head
        while (left > 0 && sentWhenAnswered < 0 && !socket.destroyed) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          await write(piece);
        }
        if (sentWhenAnswered < 0 && !socket.destroyed) {
          await write(tail);
          socket.write('0\r\n\r\n');
        }
      })();
    });
  });
}

describe('upload limits', () => {
  it('answers 413 naming the file and its limit while a body 32 MB over the limit is still being sent, and stores nothing', async () => {
    for (const route of routes) {
      const before = await route.stored();
      // 32 MB over: far more than the socket buffers between the two ends can hold.
      const answer = await streamUpload(route.url, route.maxBytes + 32 * 1024 * 1024);
      expect(answer.status, `${route.name}: ${answer.body}`).toBe(413);
      expect(JSON.parse(answer.body).error).toMatchObject({
        code: 'payload_too_large',
        fields: [{ field: 'file', message: `file: is larger than ${route.limitText}` }],
      });
      // The answer came when little more than the limit had gone out, not the whole body.
      expect(answer.sentWhenAnswered, route.name).toBeGreaterThan(route.maxBytes);
      expect(answer.sentWhenAnswered, route.name).toBeLessThan(route.maxBytes + 16 * 1024 * 1024);
      expect(await route.stored(), route.name).toBe(before);
    }
  });

  it('answers a declared length beyond the limit before any byte of the body is sent', async () => {
    for (const route of routes) {
      const answer = await streamUpload(route.url, 0, route.maxBytes * 4);
      expect(answer.status, `${route.name}: ${answer.body}`).toBe(413);
      expect(answer.sentWhenAnswered, route.name).toBe(0);
      expect(JSON.parse(answer.body).error.fields).toEqual([{ field: 'file', message: `file: is larger than ${route.limitText}` }]);
    }
  });

  it('says so in Chinese and French too', async () => {
    const officer = await t.as('officer');
    const { payload, headers } = multipartFile('big.csv', Buffer.alloc(SPREADSHEET_MAX_BYTES + 1, 'a'));
    const zh = await officer.post(routes[2]!.url, payload, { ...headers, 'accept-language': 'zh-CN' });
    expect(zh.statusCode).toBe(413);
    expect(zh.json().error.message).toBe('请求内容过大。 file: 超过 10 MB');
    const frBig = multipartFile('big.pdf', Buffer.alloc(AGREEMENT_DOCUMENT_MAX_BYTES + 1, 0x25));
    const frAnswer = await officer.post(routes[0]!.url, frBig.payload, { ...frBig.headers, 'accept-language': 'fr' });
    expect(frAnswer.statusCode).toBe(413);
    expect(frAnswer.json().error.message).toBe('La requête est trop volumineuse. file: dépasse 20 Mo');
  });

  it('takes a file of exactly the limit', async () => {
    const route = routes[1]!;
    const before = await route.stored();
    const exact = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(route.maxBytes - 9, 0x20)]);
    const { payload, headers } = multipartFile('exact.pdf', exact, 'application/pdf');
    const response = await (await t.as('officer')).post(route.url, payload, headers);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().sizeBytes).toBe(route.maxBytes);
    expect(await route.stored()).toBe(before + 1);
  });
});

describe('multipart garbage', () => {
  const garbage: Array<[string, string, Buffer]> = [
    ['no boundary', 'multipart/form-data', Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n')],
    ['random bytes', 'multipart/form-data; boundary=abc', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['a broken part header', 'multipart/form-data; boundary=abc', Buffer.from('--abc\r\nthis is not a header\r\n\r\n%PDF-1.4\r\n--abc--\r\n')],
    ['a body cut short', 'multipart/form-data; boundary=abc', Buffer.from('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 and then nothing')],
    ['a text field where the file should be', 'multipart/form-data; boundary=abc', Buffer.from('--abc\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--abc--\r\n')],
  ];

  it('is 400 on `file` for every upload route, never 500, and stores nothing', async () => {
    const officer = await t.as('officer');
    for (const route of routes) {
      const before = await route.stored();
      for (const [what, contentType, body] of garbage) {
        const response = await officer.post(route.url, body, { 'content-type': contentType, 'accept-language': 'en' });
        expect(response.statusCode, `${route.name}, ${what}: ${response.body}`).toBe(400);
        expect(response.json().error.fields.map((f: { field: string }) => f.field), `${route.name}, ${what}`).toEqual(['file']);
      }
      expect(await route.stored(), route.name).toBe(before);
    }
  });
});

import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message as the test's mail server received it: the envelope, the raw bytes, and the parsed message. */
export interface Received {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 for a test: what it received, and a way to make it refuse. */
export interface SmtpSink {
  url: string;
  received: Received[];
  /** The next `n` messages are refused with a 451 (a temporary failure, as a busy server answers). */
  refuseNext(n: number): void;
  /** The next `n` messages get no answer at all: their sender waits, mid-send, until it gives up or dies. */
  holdNext(n: number): void;
  /** How many messages are being held unanswered. */
  held(): number;
  /** Resolves once `n` messages have arrived (rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** The answer the sink refuses with: a test finds it in the outbox. */
export const REFUSAL = 'Mailbox busy, try again later';

/** Starts an SMTP server (the `smtp-server` package) on a free port of 127.0.0.1, no TLS, no authentication. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: Received[] = [];
  let refusals = 0;
  let holds = 0;
  let held = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (holds > 0) {
          holds -= 1;
          held += 1;
          return;
        }
        if (refusals > 0) {
          refusals -= 1;
          const error = Object.assign(new Error(REFUSAL), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(n) {
      refusals = n;
    },
    holdNext(n) {
      holds = n;
    },
    held: () => held,
    async waitFor(n, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`the SMTP server received ${received.length} message(s), not ${n}, in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

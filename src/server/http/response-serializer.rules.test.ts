import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSchemas, responseSerializerCompiler, strictResponses, stripToSchema } from './response-serializer.ts';
import { isKeptAnswer, keepAnswer } from '../core/kept-answers.ts';

// Issue 17: answers leave through their response schemas, so no field leaves that the schema
// does not name; drift fails loudly in tests and is cut down (and logged) in production.

const Item = z.object({ id: z.number(), name: z.string(), note: z.string().nullable() });
const Answer = z.object({ items: z.array(Item), total: z.number(), kind: z.union([z.literal('a'), z.object({ code: z.string() })]) });

/** A server with one route answering `value` through Answer, strict or not, and what it logged. */
async function serverAnswering(value: unknown, strict: boolean) {
  const logged: string[] = [];
  const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } });
  app.setSerializerCompiler(responseSerializerCompiler({ strict, log: app.log }));
  app.get('/thing', { schema: { response: responseSchemas({ 200: Answer }) } }, async () => value);
  const response = await app.inject({ method: 'GET', url: '/thing' });
  await app.close();
  return { response, logged };
}

const secret = { id: 1, name: 'A', note: null, passportNumber: 'E1234' };

describe('answers sent through their response schema', () => {
  it('drops every key the schema does not name, at any depth', async () => {
    const { response } = await serverAnswering({ items: [secret], total: 1, kind: { code: 'x', hidden: true }, internal: 'yes' }, true);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [{ id: 1, name: 'A', note: null }], total: 1, kind: { code: 'x' } });
    expect(response.body).not.toContain('E1234');
  });

  it('fails the request in tests when the answer does not match (500), saying where', async () => {
    const { response, logged } = await serverAnswering({ items: [{ ...secret, name: 7 }], total: 1, kind: 'a' }, true);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('E1234');
    expect(logged.join('\n')).toContain('items.0.name');
  });

  it('in production, logs the drift and still sends only the named fields', async () => {
    const { response, logged } = await serverAnswering({ items: [{ ...secret, name: 7 }], total: 1, kind: 'a' }, false);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [{ id: 1, name: 7, note: null }], total: 1, kind: 'a' });
    expect(logged.join('\n')).toContain('items.0.name');
  });

  it('is strict under NODE_ENV=test or INTERCHANGE_STRICT_RESPONSES=1 only', () => {
    expect(strictResponses({ NODE_ENV: 'test' })).toBe(true);
    expect(strictResponses({ INTERCHANGE_STRICT_RESPONSES: '1' })).toBe(true);
    expect(strictResponses({ NODE_ENV: 'production' })).toBe(false);
    expect(strictResponses({})).toBe(false);
    // And the test runs themselves are strict: the API tests catch drift.
    expect(strictResponses()).toBe(true);
  });
});

describe('stripToSchema', () => {
  it('never lets an object through where the schema names a scalar', () => {
    expect(stripToSchema(Item, { id: { leaked: 1 }, name: 'A', note: ['x'] })).toEqual({ id: null, name: 'A', note: null });
  });

  it('keeps what any object branch of a union names when no branch fits', () => {
    const Either = z.union([z.object({ a: z.number() }), z.object({ b: z.number() })]);
    expect(stripToSchema(Either, { a: 'x', b: 'y', c: 'secret' })).toEqual({ a: 'x', b: 'y' });
  });

  it('keeps an open value (unknown) as it is', () => {
    expect(stripToSchema(z.object({ current: z.unknown() }), { current: { any: 1 }, other: 2 })).toEqual({ current: { any: 1 } });
  });
});

describe('answers sent again unchanged (core/kept-answers.ts)', () => {
  it('are encoded through the schema once, then sent as the same text; an unmarked answer is encoded every time', async () => {
    let encodings = 0;
    const Counted = z.object({ total: z.number().check(z.refine(() => (encodings += 1) > 0)), items: z.array(Item) });
    const app = Fastify();
    app.setSerializerCompiler(responseSerializerCompiler({ strict: true, log: app.log }));
    const kept = keepAnswer({ total: 1, items: [secret] });
    const plain = { total: 1, items: [secret] };
    app.get('/kept', { schema: { response: responseSchemas({ 200: Counted }) } }, async () => kept);
    app.get('/plain', { schema: { response: responseSchemas({ 200: Counted }) } }, async () => plain);
    const first = await app.inject({ method: 'GET', url: '/kept' });
    const second = await app.inject({ method: 'GET', url: '/kept' });
    expect(encodings).toBe(1);
    expect(second.body).toBe(first.body);
    // Still cut down to the schema: the first encoding was the schema's.
    expect(second.json()).toEqual({ total: 1, items: [{ id: 1, name: 'A', note: null }] });
    await app.inject({ method: 'GET', url: '/plain' });
    await app.inject({ method: 'GET', url: '/plain' });
    expect(encodings).toBe(3);
    await app.close();
  });

  it('are frozen through, so the text made first stays theirs', () => {
    const kept = keepAnswer({ total: 1, items: [{ id: 1, name: 'A', note: null }] });
    expect(isKeptAnswer(kept)).toBe(true);
    expect(isKeptAnswer({ total: 1 })).toBe(false);
    expect(() => {
      (kept.items[0] as { name: string }).name = 'B';
    }).toThrow(TypeError);
    expect(kept.items[0]!.name).toBe('A');
  });
});

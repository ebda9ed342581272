import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { WholeNumber } from '../../shared/contracts/common.ts';
import { openApiDocument } from './openapi-document.ts';
import { operationIdOf, operationIds } from './operation-ids.ts';

// Issue 17, "The API as something others build on": every operation of /api/openapi.json has a
// unique operationId and a one-line summary, the document says what the contracts accept and
// what each operation answers (its success body and the one error shape), and an independent
// validator accepts it.

interface Operation {
  operationId?: string;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema & { format?: string } }> }>;
  summary?: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: Array<{ name: string; in: string; schema: Schema }>;
}
interface Schema {
  type?: string;
  pattern?: string;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

let document: Document;
let operations: Array<{ name: string; operation: Operation }>;

beforeAll(async () => {
  document = (await openApiDocument()) as Document;
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}, 120_000);

describe('the OpenAPI document', () => {
  it('gives every operation an operationId, none shared', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter(({ operation }) => !operation.operationId).map(({ name }) => name)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every operation a one-line summary', () => {
    const bad = operations.filter(({ operation: { summary } }) => !summary || summary.trim() !== summary || /[\n\r]/.test(summary) || summary.length > 100);
    expect(bad.map(({ name, operation }) => `${name}: ${JSON.stringify(operation.summary)}`)).toEqual([]);
  });

  it('declares every operation\'s success answer: a JSON schema, a file\'s media type, a 204 or a redirect', () => {
    const declared = (operation: Operation) =>
      Object.entries(operation.responses ?? {}).some(([status, response]) => {
        if (status === '204' || /^3\d\d$/.test(status)) return !response.content;
        if (!/^2\d\d$/.test(status) || !response.content) return false;
        const bodies = Object.values(response.content);
        return bodies.length > 0 && bodies.every(({ schema }) => schema && (schema.format === 'binary' || schema.type || schema.anyOf));
      });
    const missing = operations.filter(({ operation }) => !declared(operation)).map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('declares the one error shape on every operation, for 4XX and 5XX', () => {
    const errorShape = (response: NonNullable<Operation['responses']>[string] | undefined) =>
      Object.keys(response?.content?.['application/json']?.schema?.properties?.error?.properties ?? {}).sort().join();
    const bad = operations.filter(({ operation }) => errorShape(operation.responses?.['4XX']) !== 'code,current,fields,message' || errorShape(operation.responses?.['5XX']) !== 'code,current,fields,message');
    expect(bad.map(({ name }) => name)).toEqual([]);
  });

  it('is valid OpenAPI for an independent validator', async () => {
    // The validator dereferences the object it is given: it gets a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect(validated).toHaveProperty('openapi', expect.stringMatching(/^3\./));
  });

  it("publishes an id in a JSON body as the contracts take it: an integer, or a string of digits", () => {
    const body = document.paths['/api/visits']!.post!.requestBody!.content['application/json']!.schema;
    const hostUnitId = body.properties!.hostUnitId!;
    expect(hostUnitId.anyOf?.map((branch) => branch.type).sort()).toEqual(['integer', 'string']);
    const digits = new RegExp(hostUnitId.anyOf!.find((branch) => branch.type === 'string')!.pattern!, 'u');
    // The published pattern and the contract agree on what a string of digits is.
    for (const text of ['1', '12', '000000000000001', '1e0', '0x1', ' 1', '+1', '1.0', '1234567890123456'])
      expect(digits.test(text), text).toBe(WholeNumber.safeParse(text).success);
    // And no published integer-or-digits field lost its string branch (as a transform of its own once made it).
    const lost: string[] = [];
    const walk = (schema: unknown, where: string): void => {
      if (Array.isArray(schema)) return schema.forEach((s) => walk(s, where));
      if (typeof schema !== 'object' || schema === null) return;
      const { anyOf } = schema as Schema;
      if (anyOf && anyOf.length < 2) lost.push(where);
      for (const value of Object.values(schema)) walk(value, where);
    };
    for (const { name, operation } of operations) walk(operation, name);
    expect(lost).toEqual([]);
  });
});

describe('operationIds', () => {
  it('derives them from the method and the URL', () => {
    expect(operationIdOf('GET', '/api/visits')).toBe('listVisits');
    expect(operationIdOf('GET', '/api/visits/:id')).toBe('getVisit');
    expect(operationIdOf('POST', '/api/visits')).toBe('createVisit');
    expect(operationIdOf('PATCH', '/api/visits/:id')).toBe('updateVisit');
    expect(operationIdOf('DELETE', '/api/visits/:id/files/:fileId')).toBe('deleteVisitFile');
    expect(operationIdOf('POST', '/api/visits/:id/transitions')).toBe('createVisitTransition');
    expect(operationIdOf('POST', '/api/people/:id/erase')).toBe('postPersonErase');
    expect(operationIdOf('GET', '/api/people')).toBe('listPeople');
    expect(operationIdOf('POST', '/api/exchange-opportunities')).toBe('createExchangeOpportunity');
    expect(operationIdOf('GET', '/api/hospital-memoranda/{id}')).toBe('getHospitalMemorandum');
    expect(operationIdOf('GET', '/api/reports/breakdown')).toBe('getReportsBreakdown');
  });

  it('keeps a declared one, and refuses a second route with the same one', () => {
    const give = operationIds();
    const declared = { method: 'GET', url: '/api/search', schema: { operationId: 'search' } };
    give(declared);
    expect(declared.schema.operationId).toBe('search');
    give({ method: 'GET', url: '/api/visits', schema: {} });
    // Fastify's HEAD copy of a GET route is not in the document, and takes no id.
    give({ method: 'HEAD', url: '/api/visits', schema: {} });
    expect(() => give({ method: 'POST', url: '/api/visits/lists', schema: { operationId: 'listVisits' } })).toThrow(/listVisits .*GET \/api\/visits/);
  });
});

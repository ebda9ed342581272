import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { WholeNumber } from '../../shared/contracts/common.ts';
import { openApiDocument } from './openapi-document.ts';
import { operationIdOf, operationIds } from './operation-ids.ts';

// Issue 17, "The API as something others build on": every operation of /api/openapi.json has a
// unique operationId and a one-line summary, the document says what the contracts accept, and
// an independent validator accepts it.

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

/** Operations not yet declaring what they answer (issue 17's work in progress): may only shrink. */
const WITHOUT_RESPONSE_SCHEMA: string[] = [
  'DELETE /api/agreements/{id}',
  'DELETE /api/agreements/{id}/documents/{documentId}',
  'DELETE /api/appointments/{id}',
  'DELETE /api/auth/tokens/{id}',
  'DELETE /api/conferences/{id}',
  'DELETE /api/conferences/{id}/attendees/{attendeeId}',
  'DELETE /api/document-templates/{kind}/{lang}',
  'DELETE /api/honours/{id}',
  'DELETE /api/hospital-memoranda/{id}',
  'DELETE /api/institutions/{id}',
  'DELETE /api/ledger/aggregates/{id}',
  'DELETE /api/missions/{id}',
  'DELETE /api/people/{id}',
  'DELETE /api/people/{id}/expert-documents/{documentId}',
  'DELETE /api/programme-assessments/{id}',
  'DELETE /api/students/{id}',
  'GET /api/admin/jobs',
  'GET /api/admin/outbox',
  'GET /api/agreements',
  'GET /api/agreements/renewal-watch',
  'GET /api/agreements/{id}',
  'GET /api/agreements/{id}/documents/{documentId}',
  'GET /api/appointments',
  'GET /api/appointments/renewals',
  'GET /api/appointments/{id}',
  'GET /api/audit',
  'GET /api/auth/calendar-feed',
  'GET /api/auth/mail-preferences',
  'GET /api/auth/me',
  'GET /api/auth/methods',
  'GET /api/auth/tokens',
  'GET /api/catalogue',
  'GET /api/conferences',
  'GET /api/conferences/overdue-summaries',
  'GET /api/conferences/{id}',
  'GET /api/conferences/{id}/attendees',
  'GET /api/countries',
  'GET /api/document-templates',
  'GET /api/document-templates/{kind}/{lang}',
  'GET /api/documents/{kind}',
  'GET /api/exchange-applications',
  'GET /api/exchange-applications/{id}',
  'GET /api/exchange-opportunities',
  'GET /api/exchange-opportunities/{id}',
  'GET /api/experts/engaged',
  'GET /api/health',
  'GET /api/health/ready',
  'GET /api/honours',
  'GET /api/honours/{id}',
  'GET /api/hospital-memoranda',
  'GET /api/hospital-memoranda/{id}',
  'GET /api/imports/agreements/mappings',
  'GET /api/imports/agreements/template',
  'GET /api/imports/history/{id}',
  'GET /api/imports/institutions/mappings',
  'GET /api/imports/institutions/template',
  'GET /api/imports/people/mappings',
  'GET /api/imports/people/template',
  'GET /api/imports/visits/mappings',
  'GET /api/imports/visits/template',
  'GET /api/institutions',
  'GET /api/institutions/{id}',
  'GET /api/institutions/{id}/timeline',
  'GET /api/ledger',
  'GET /api/ledger/aggregates',
  'GET /api/ledger/aggregates/{id}',
  'GET /api/ledger/totals',
  'GET /api/missions',
  'GET /api/missions/export',
  'GET /api/missions/overdue-reports',
  'GET /api/missions/{id}',
  'GET /api/partners',
  'GET /api/partners/list',
  'GET /api/people',
  'GET /api/people/{id}',
  'GET /api/people/{id}/enrolments',
  'GET /api/people/{id}/expert-documents',
  'GET /api/people/{id}/export',
  'GET /api/people/{id}/honours',
  'GET /api/people/{id}/inbound-record',
  'GET /api/programme-students',
  'GET /api/programme-students/{id}',
  'GET /api/programmes',
  'GET /api/programmes/{id}',
  'GET /api/programmes/{id}/visiting-professors',
  'GET /api/reports/breakdown',
  'GET /api/reports/factsheet',
  'GET /api/reports/figures',
  'GET /api/reports/series',
  'GET /api/reports/year-in-review',
  'GET /api/search',
  'GET /api/settings',
  'GET /api/students',
  'GET /api/students/{id}',
  'GET /api/todo',
  'GET /api/todo/late-by-unit',
  'GET /api/units',
  'GET /api/units/{id}',
  'GET /api/users',
  'GET /api/users/{id}',
  'GET /calendar/{secret}.ics',
  'PATCH /api/agreements/{id}',
  'PATCH /api/appointments/{id}',
  'PATCH /api/auth/mail-preferences',
  'PATCH /api/auth/preferences',
  'PATCH /api/conferences/{id}',
  'PATCH /api/conferences/{id}/attendees/{attendeeId}',
  'PATCH /api/exchange-applications/{id}',
  'PATCH /api/exchange-opportunities/{id}',
  'PATCH /api/honours/{id}',
  'PATCH /api/hospital-memoranda/{id}',
  'PATCH /api/institutions/{id}',
  'PATCH /api/ledger/aggregates/{id}',
  'PATCH /api/missions/{id}',
  'PATCH /api/people/{id}',
  'PATCH /api/people/{id}/expert-documents/{documentId}',
  'PATCH /api/programme-assessments/{id}',
  'PATCH /api/programme-cohorts/{id}',
  'PATCH /api/programme-students/{id}',
  'PATCH /api/programmes/{id}',
  'PATCH /api/residency-placements/{id}',
  'PATCH /api/settings/{key}',
  'PATCH /api/students/{id}',
  'PATCH /api/units/{id}',
  'PATCH /api/users/{id}',
  'POST /api/admin/jobs/digest',
  'POST /api/agreements',
  'POST /api/agreements/{id}/documents',
  'POST /api/agreements/{id}/renewal',
  'POST /api/agreements/{id}/transitions',
  'POST /api/appointments',
  'POST /api/appointments/{id}/renewal',
  'POST /api/appointments/{id}/transitions',
  'POST /api/auth/calendar-feed',
  'POST /api/auth/password',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/auth/sign-out-everywhere',
  'POST /api/auth/tokens',
  'POST /api/conferences',
  'POST /api/conferences/{id}/attendees',
  'POST /api/conferences/{id}/attendees/import',
  'POST /api/conferences/{id}/transitions',
  'POST /api/document-templates/{kind}/{lang}',
  'POST /api/exchange-applications',
  'POST /api/exchange-applications/{id}/transitions',
  'POST /api/exchange-opportunities',
  'POST /api/exchange-opportunities/{id}/allocation',
  'POST /api/honours',
  'POST /api/hospital-memoranda',
  'POST /api/hospital-memoranda/{id}/transitions',
  'POST /api/imports/agreements/commit',
  'POST /api/imports/agreements/mappings',
  'POST /api/imports/agreements/preview',
  'POST /api/imports/history/{id}/undo',
  'POST /api/imports/institutions/commit',
  'POST /api/imports/institutions/mappings',
  'POST /api/imports/institutions/preview',
  'POST /api/imports/people/commit',
  'POST /api/imports/people/mappings',
  'POST /api/imports/people/preview',
  'POST /api/imports/visits/commit',
  'POST /api/imports/visits/mappings',
  'POST /api/imports/visits/preview',
  'POST /api/institutions',
  'POST /api/ledger/aggregates',
  'POST /api/missions',
  'POST /api/missions/{id}/transitions',
  'POST /api/people',
  'POST /api/people/{id}/erase',
  'POST /api/people/{id}/expert-documents',
  'POST /api/programme-students',
  'POST /api/programme-students/{id}/assessments',
  'POST /api/programme-students/{id}/placements',
  'POST /api/programmes',
  'POST /api/programmes/{id}/cohorts',
  'POST /api/programmes/{id}/visiting-professors',
  'POST /api/residency-placements/{id}/transitions',
  'POST /api/students',
  'POST /api/students/{id}/transitions',
  'POST /api/units',
  'POST /api/users',
];

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

  it('declares every operation\'s success answer: a JSON schema, a file\'s media type, or a 204', () => {
    const declared = (operation: Operation) =>
      Object.entries(operation.responses ?? {}).some(([status, response]) => {
        if (status === '204') return !response.content;
        if (!/^2\d\d$/.test(status) || !response.content) return false;
        const bodies = Object.values(response.content);
        return bodies.length > 0 && bodies.every(({ schema }) => schema && (schema.format === 'binary' || schema.type || schema.anyOf));
      });
    const missing = operations.filter(({ operation }) => !declared(operation)).map(({ name }) => name);
    // Operations still to be given a response schema: this list may only shrink.
    expect(missing.sort()).toEqual([...WITHOUT_RESPONSE_SCHEMA].sort());
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

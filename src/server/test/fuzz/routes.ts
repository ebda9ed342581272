import type { Schema } from './schema.ts';

/** Where a field travels in a request. */
export type Location = 'path' | 'query' | 'body';

/** One field a request carries: a path or query parameter, or a body property (maybe inside an array's item). */
export interface Field {
  location: Location;
  /** The property path inside the body (an array's item is index 0), or [name] for a parameter. */
  path: Array<string | number>;
  name: string;
  schema: Schema;
  required: boolean;
}

/** One operation of the OpenAPI document, and every field it takes. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As fastify names it: /api/people/:id. */
  url: string;
  params: Field[];
  /** The JSON body's schema, when the operation takes one. */
  body: Schema | null;
  fields: Field[];
}

interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** The properties of a body, depth first: an array gives its item (index 0) and the item's properties too. */
function bodyFields(schema: Schema, path: Array<string | number>, required: boolean): Field[] {
  const here: Field[] = path.length ? [{ location: 'body', path, name: path.join('.'), schema, required }] : [];
  const inner = schema.anyOf?.find((s) => s.type === 'object' || s.type === 'array') ?? schema;
  if (inner.type === 'object' && inner.properties)
    return [...here, ...Object.entries(inner.properties).flatMap(([key, s]) => bodyFields(s, [...path, key], (inner.required ?? []).includes(key)))];
  if (inner.type === 'array' && inner.items) return [...here, ...bodyFields(inner.items, [...path, 0], true)];
  return here;
}

/**
 * Every operation of the OpenAPI document the server publishes, with its fields. The sweep is
 * generated from this, so a new route or field is fuzzed without being named.
 */
export function routesOf(document: { paths: Record<string, Record<string, Operation>> }): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params: Field[] = (op.parameters ?? []).map((p) => ({
        location: p.in === 'path' ? 'path' : 'query',
        path: [p.name],
        name: p.name,
        schema: p.schema,
        required: p.required === true,
      }));
      const body = op.requestBody?.content['application/json']?.schema ?? null;
      routes.push({
        method: method.toUpperCase() as RouteSpec['method'],
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        params,
        body,
        fields: [...params, ...(body ? bodyFields(body, [], true) : [])],
      });
    }
  }
  return routes;
}

import { RawJson, encodeText, type HostileValue } from './hostile.ts';
import type { Field, RouteSpec } from './routes.ts';
import { conforms, type Schema } from './schema.ts';
import { validValue, type SampleContext } from './samples.ts';

/** A request the sweep sends, before it is given a caller. */
export interface Planned {
  route: RouteSpec;
  /** What is hostile in it: a field and a class, or a class of the whole request. */
  label: string;
  cls: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  /** The field's hostile value breaks the published schema: the request must be refused. */
  mustRefuse: boolean;
  /** Where the record's version is kept (the path of the record the route writes), if it has one. */
  recordKey: string | null;
  /** The fields that carry hostile values (none for a whole-request case). */
  fields: Field[];
}

/** The ids a route's path parameters name, and the ids its body's fields name. */
export interface RouteIds {
  path(route: RouteSpec, name: string): string;
  body(name: string): number | undefined;
}

const RAW_MARK = '__fuzz_raw_';
const MANY_PARAMS = `${'a=1&'.repeat(20_000)}b=2`;
const DEEP_ARRAY_BODY = '['.repeat(10_000) + ']'.repeat(10_000);
const DEEP_OBJECT_BODY = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
const OVER_LIMIT_BODY = `{"a":"${'x'.repeat(1_100_000)}"}`;

/** JSON text of `body`, with each RawJson written as its own text. */
export function serialize(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `${RAW_MARK}${raws.length - 1}`;
    }
    return value;
  });
  return raws.length ? text.replace(new RegExp(`"${RAW_MARK}(\\d+)"`, 'g'), (_m, i: string) => raws[Number(i)]!) : text;
}

/** The item schema of an array schema, looking through anyOf. */
const itemsOf = (schema: Schema | undefined): Schema | undefined => schema?.items ?? schema?.anyOf?.find((s) => s.items)?.items;
const propertyOf = (schema: Schema | undefined, key: string): Schema | undefined =>
  schema?.properties?.[key] ?? schema?.anyOf?.find((s) => s.properties)?.properties?.[key];

/** `body` with `value` at `path`, filling a missing array item or object with valid values along the way. */
function setAt(body: unknown, schema: Schema, path: Array<string | number>, value: unknown, ctx: SampleContext): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const items = itemsOf(schema) ?? {};
    const list = Array.isArray(body) ? [...(body as unknown[])] : [];
    list[head] = setAt(list[head] ?? validValue(items, '', ctx), items, rest, value, ctx);
    return list;
  }
  const sub = propertyOf(schema, head!) ?? {};
  const record = { ...((body ?? {}) as Record<string, unknown>) };
  record[head!] = setAt(record[head!] ?? validValue(sub, head!, ctx), sub, rest, value, ctx);
  return record;
}

/** The record a route writes, by its path: the part up to its first id (an expert document or an attendee list belongs to its own parent). */
export function recordKeyOf(route: RouteSpec, url: string): string | null {
  const m = /^(\/api\/people\/[^/]+\/expert-documents\/[^/?]+|\/api\/settings\/[^/?]+|\/api\/(?:ledger\/)?[a-z-]+\/[^/?]+)/.exec(url);
  return route.method !== 'GET' && route.url.includes(':') && m ? m[1]! : null;
}

/** The URL of `route` with valid parameters, or with hostile values in place of some of them. */
function urlOf(route: RouteSpec, ids: RouteIds, ctx: SampleContext, hostile: Hostile[]): string {
  let url = route.url;
  const query: string[] = [];
  for (const p of route.params) {
    const h = hostile.find((x) => x.field === p && x.value.kind === 'text');
    const encoded = h ? (h.value as { encoded: string | string[] }).encoded : null;
    if (p.location === 'path') url = url.replace(`:${p.name}`, encoded !== null ? String(encoded) : ids.path(route, p.name));
    else if (encoded !== null) for (const e of [encoded].flat()) query.push(`${encodeURIComponent(p.name)}=${e}`);
    else if (p.required || p.name === 'version') query.push(`${p.name}=${encodeText(String(validValue(p.schema, p.name, ctx)))}`);
  }
  return query.length ? `${url}?${query.join('&')}` : url;
}

/** A hostile value in one field of a request. */
export interface Hostile {
  field: Field;
  value: HostileValue;
}

/**
 * A request with `hostile` values in some fields and every other parameter and field valid,
 * so that a value the schema allows goes as far into the server as it can. Several values are
 * sent together only when the schema refuses each of them (the answer must then name each).
 */
export function plan(route: RouteSpec, hostile: Hostile[], ids: RouteIds, versionOf: (key: string | null) => number): Planned {
  const bareUrl = urlOf(route, ids, { idFor: ids.body, version: 1 }, []);
  const recordKey = recordKeyOf(route, bareUrl);
  const ctx: SampleContext = { idFor: ids.body, version: versionOf(recordKey) };
  const url = urlOf(route, ids, ctx, hostile);
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (route.body) {
    let body = validValue(route.body, '', ctx);
    for (const h of hostile) if (h.value.kind === 'body') body = setAt(body, route.body, h.field.path, h.value.sent, ctx);
    payload = serialize(body);
    headers['content-type'] = 'application/json';
  }
  return {
    route,
    label: hostile.map((h) => `${h.field.location}:${h.field.name}`).join(','),
    cls: hostile[0]!.value.cls,
    url,
    ...(payload !== undefined ? { payload } : {}),
    headers,
    mustRefuse: hostile.some((h) => !conforms(h.field.schema, h.value.value, h.value.kind === 'text')),
    recordKey,
    fields: hostile.map((h) => h.field),
  };
}

/** Whole-request hostility: the body's shape, its encoding and size, and odd query strings. */
export function planRouteLevel(route: RouteSpec, ids: RouteIds, versionOf: (key: string | null) => number): Planned[] {
  const bareUrl = urlOf(route, ids, { idFor: ids.body, version: 1 }, []);
  const recordKey = recordKeyOf(route, bareUrl);
  const ctx: SampleContext = { idFor: ids.body, version: versionOf(recordKey) };
  const url = urlOf(route, ids, ctx, []);
  const sep = url.includes('?') ? '&' : '?';
  const base = { route, url, headers: {} as Record<string, string>, mustRefuse: false, recordKey, fields: [] };
  const out: Planned[] = [
    { ...base, label: 'query', cls: 'prototype-keys', url: `${url}${sep}__proto__[x]=1&constructor[prototype][x]=1&__proto__=1` },
    { ...base, label: 'query', cls: 'many-params', url: `${url}${sep}${MANY_PARAMS}` },
  ];
  if (route.method === 'GET') return out;
  const json = { 'content-type': 'application/json' };
  const valid = route.body ? serialize(validValue(route.body, '', ctx)) : '{}';
  // A body the route's schema refuses, or JSON no parser should take, must be refused; a route
  // without a JSON body may ignore what it is sent.
  const hasBody = route.body !== null;
  const body = (cls: string, payload: string | Buffer, mustRefuse: boolean, headers: Record<string, string> = json) =>
    out.push({ ...base, label: 'body', cls, payload, headers, mustRefuse });
  const refusedShape = (value: unknown) => hasBody && !conforms(route.body!, value);
  body('body-array', '[]', refusedShape([]));
  body('body-string', '"x"', refusedShape('x'));
  body('body-null', 'null', refusedShape(null));
  body('body-number', '1', refusedShape(1));
  body('body-malformed', '{"a":', hasBody);
  body('body-empty', '', hasBody);
  body('body-deep-array', DEEP_ARRAY_BODY, hasBody);
  // An unknown property is dropped, however deep: refused only where the body has required ones.
  body('body-deep-object', DEEP_OBJECT_BODY, refusedShape({ a: {} }));
  body('body-prototype', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}', hasBody);
  body('body-over-limit', OVER_LIMIT_BODY, true);
  body('content-type-text', valid, hasBody, { 'content-type': 'text/plain' });
  body('content-type-xml', `<a>${valid}</a>`, hasBody, { 'content-type': 'application/xml' });
  body('charset-utf16', Buffer.from(valid, 'utf16le'), hasBody, { 'content-type': 'application/json; charset=utf-16' });
  body('charset-unknown', valid, hasBody, { 'content-type': 'application/json; charset=x-klingon' });
  return out;
}

/**
 * Routes as declarations: a module's `*.routes.ts` lists what each route takes, who may call
 * it and what it does, in plain data and functions; `http/mount-routes.ts` is what puts them
 * on the HTTP server. Nothing here knows HTTP's machinery.
 */
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { ExportTable } from '../interop/table-export.ts';
import type { FieldKind } from '../policies/field-writes.ts';
import type { Action, Entity } from '../policies/policies.ts';
import type { Cipher } from '../security/personal-data.ts';
import type { RequestContext } from './request-context.ts';

/** What routes need from the running server, beside the caller's context. */
export interface RouteDeps {
  db: Db;
  config: Config;
  cipher: Cipher;
}

/**
 * Who may call a route, declared on every /api route (app.ts refuses to start otherwise):
 * an entity/action pair from the policies, 'signed-in', or 'public'.
 */
export type RoutePolicy = { entity: Entity; action: Action } | 'signed-in' | 'public';

/** A route open to whoever may do `action` on `entity` (spread into the route's options). */
export const policy = (entity: Entity, action: Action) => ({ policy: { entity, action } });
/** A create or PATCH of `kind`: a create's body is checked against FIELD_RULES of `kind` before validation, a PATCH's by its service. */
export const fieldRights = (kind: FieldKind) => ({ fieldRights: kind });
/** A route open to every signed-in user. */
export const signedIn = { policy: 'signed-in' as const };
/** A route open to anyone, signed in or not. */
export const publicRoute = { policy: 'public' as const };

/** The one file an upload route takes: its size limit, and the reason code a larger one is refused with (default file_too_large). */
export interface UploadRule {
  maxBytes: number;
  tooLarge?: string;
}

/** The file an upload route was sent, read whole (never empty, never over its limit). */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

type Schema = z.ZodType | undefined;

/** A body sent as bytes of its media type (a file, a table), not as JSON: the document says `format: binary`. */
export const BINARY = 'binary';
/** A success body: JSON of a schema, or one entry per media type the route may answer with (a schema for JSON, BINARY for bytes). */
export type SuccessBody = z.ZodType | Readonly<Record<string, z.ZodType | typeof BINARY>>;
/**
 * What a route answers when it succeeds, by status: 200 (its value), 201 (`created`), 204
 * (`noContent`, 'empty'). The JSON is sent through its schema, so a field the schema does not
 * name never leaves; errors (4xx, 5xx) are declared for every route by the server.
 */
export interface Responses {
  200?: SuccessBody;
  201?: SuccessBody;
  202?: SuccessBody;
  204?: 'empty';
}

/** An Excel workbook's media type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A `table()` answer: CSV or Excel. */
export const TABLE_TYPES = { 'text/csv': BINARY, [XLSX_TYPE]: BINARY } as const;
/** Whatever media type a user's upload had (`storedFile()`). */
export const ANY_FILE = '*/*';
/** A 204. */
export const NO_CONTENT: Responses = { 204: 'empty' };
/** A 200 whose body is bytes of one of these media types (`file()`); `*\/*` for a file users uploaded. */
export const fileResponse = (...mediaTypes: string[]): Responses => ({ 200: Object.fromEntries(mediaTypes.map((type) => [type, BINARY])) });
/** A 200 in JSON (`format=json`) or as the same list's CSV or Excel download. */
export const jsonOrTable = (json: z.ZodType): Responses => ({ 200: { 'application/json': json, ...TABLE_TYPES } });
type Output<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route declares beside its method, URL and handler; the schemas also make the OpenAPI document. */
export interface RouteOptions<Pol extends RoutePolicy = RoutePolicy, P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema, U extends UploadRule | undefined = UploadRule | undefined> {
  policy: Pol;
  fieldRights?: FieldKind;
  params?: P;
  query?: Q;
  body?: B;
  upload?: U;
  /** One line in English: what the route does, as the OpenAPI document and a generated client show it. */
  summary: string;
  description?: string;
  /** The name a generated client calls it by; when absent, derived from its method and URL (http/operation-ids.ts). */
  operationId?: string;
  /** What it answers on success (see Responses); a route without one is on openapi.test.ts's shrinking list. */
  response?: Responses;
}

/** What a handler is given: the caller's context (none on a public route), the server's deps, and the request's parts as validated. */
export interface RouteInput<Pol extends RoutePolicy = RoutePolicy, P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema, U extends UploadRule | undefined = UploadRule | undefined> {
  ctx: Pol extends 'public' ? RequestContext | null : RequestContext;
  deps: RouteDeps;
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
  file: U extends UploadRule ? UploadedFile : undefined;
}

/** A file to send: shown (`inline`) or saved (`attachment`) under `fileName`; a name users gave is sent encoded (any script), ours quoted. */
export interface FileReply {
  body: Buffer | string;
  contentType: string;
  fileName?: string;
  disposition?: 'inline' | 'attachment';
  userNamed?: boolean;
}

const ROUTE_RESULT = Symbol('route result');

/** An answer other than 200 with the returned value as JSON: made by `created`, `accepted`, `noContent`, `table` and `file`. */
export type RouteResult = { readonly [ROUTE_RESULT]: true } & (
  | { kind: 'created'; value: unknown }
  | { kind: 'accepted'; value: unknown }
  | { kind: 'no-content' }
  | { kind: 'table'; table: ExportTable; format: 'csv' | 'xlsx' }
  | ({ kind: 'file' } & FileReply)
);

/** Whether a handler's value is one of the results below rather than a JSON body. */
export const isRouteResult = (value: unknown): value is RouteResult => typeof value === 'object' && value !== null && ROUTE_RESULT in value;

/** 201 with the new record. */
export const created = (value: unknown): RouteResult => ({ [ROUTE_RESULT]: true, kind: 'created', value });
/** 202 with what was queued: the work is done later, by a job (a prepared export). */
export const accepted = (value: unknown): RouteResult => ({ [ROUTE_RESULT]: true, kind: 'accepted', value });
/** 204, nothing in the body (a delete, a sign-out). */
export const noContent = (): RouteResult => ({ [ROUTE_RESULT]: true, kind: 'no-content' });
/** The table as a CSV or Excel download. */
export const table = (exportTable: ExportTable, format: 'csv' | 'xlsx'): RouteResult => ({ [ROUTE_RESULT]: true, kind: 'table', table: exportTable, format });
/** A file in the body instead of JSON (a PDF, a JSON download, a report). */
export const file = (reply: FileReply): RouteResult => ({ [ROUTE_RESULT]: true, kind: 'file', ...reply });
/** A file users uploaded, sent back as a download under the name it came with. */
export const storedFile = (stored: { fileName: string; mediaType: string; content: Buffer }): RouteResult =>
  file({ body: stored.content, contentType: stored.mediaType, fileName: stored.fileName, disposition: 'attachment', userNamed: true });

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One route: method, URL, what it declares, and what it does. */
export interface RouteDeclaration {
  method: Method;
  url: string;
  options: RouteOptions;
  handler(input: RouteInput): Promise<unknown>;
}

/** A routes file's declarations, under the OpenAPI tag(s) they are listed with. */
export interface RouteGroup {
  tags: string[];
  routes: RouteDeclaration[];
}

/** The declarations of one routes file, listed under `tag` in the OpenAPI document. */
export const declareRoutes = (tag: string, routes: RouteDeclaration[]): RouteGroup => ({ tags: [tag], routes });

function declare(method: Method) {
  return <Pol extends RoutePolicy, P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, U extends UploadRule | undefined = undefined>(
    url: string,
    options: RouteOptions<Pol, P, Q, B, U>,
    handler: (input: RouteInput<Pol, P, Q, B, U>) => Promise<unknown>,
  ): RouteDeclaration => ({ method, url, options, handler: handler as RouteDeclaration['handler'] });
}

/** A GET route; the handler's params and query are typed from their schemas. */
export const get = declare('GET');
/** A POST route; the handler's params, query, body (and file, on an upload) are typed from their schemas. */
export const post = declare('POST');
/** A PATCH route. */
export const patch = declare('PATCH');
/** A DELETE route (`delete` is a reserved word). */
export const del = declare('DELETE');

import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import type { Cipher } from '../security/personal-data.ts';
import type { Action, Entity } from '../policies/policies.ts';
import type { FieldKind } from '../policies/field-writes.ts';

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What route modules need from the running server. */
export interface ServerContext {
  db: Db;
  config: Config;
  cipher: Cipher;
}

/**
 * Who may call a route, declared on every /api route (app.ts refuses to start otherwise):
 * an entity/action pair from the policies, 'signed-in', or 'public'.
 */
export type RoutePolicy = { entity: Entity; action: Action } | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** A create or PATCH of this kind of record: a create's body is checked against the field rules in app.ts, a PATCH's by its service. */
    fieldRights?: FieldKind;
  }
}

/** Shorthand for a route's `config`. */
export const policy = (entity: Entity, action: Action) => ({ policy: { entity, action } as RoutePolicy });
/** Shorthand for a create or PATCH route's `config`: its body's fields are checked against FIELD_RULES of `kind`. */
export const fieldRights = (kind: FieldKind) => ({ fieldRights: kind });
export const signedIn = { policy: 'signed-in' as RoutePolicy };
export const publicRoute = { policy: 'public' as RoutePolicy };

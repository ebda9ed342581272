import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import type { Cipher } from '../security/personal-data.ts';
import type { Action, Entity } from '../policies/policies.ts';

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
  }
}

/** Shorthand for a route's `config`. */
export const policy = (entity: Entity, action: Action) => ({ policy: { entity, action } as RoutePolicy });
export const signedIn = { policy: 'signed-in' as RoutePolicy };
export const publicRoute = { policy: 'public' as RoutePolicy };

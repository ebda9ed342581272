import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FieldKind } from '../policies/field-writes.ts';
import type { RouteDeps, RoutePolicy } from '../core/routes.ts';

export { fieldRights, policy, publicRoute, signedIn, type RoutePolicy } from '../core/routes.ts';

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What the server's parts need from the running server (the same as what routes are given). */
export type ServerContext = RouteDeps;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** A create or PATCH of this kind of record: a create's body is checked against the field rules in app.ts, a PATCH's by its service. */
    fieldRights?: FieldKind;
  }
}

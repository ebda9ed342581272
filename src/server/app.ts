import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, ServerContext } from './http/context.ts';
import { publicRoute } from './http/context.ts';
import { registerAuth, SESSION_COOKIE } from './http/auth.ts';
import { handleError } from './http/errors.ts';
import { notFound, unauthenticated } from './core/errors.ts';
import { refuseForbiddenText } from './http/text-input.ts';
import { noStore, refuseForeignCharset } from './http/transport.ts';
import { registerSecurityHeaders, securityHeaders } from './http/security-headers.ts';
import { batchedStdout, logSerializers, registerRequestLog, requestId, requestLogController } from './http/request-log.ts';
import { authorize } from './policies/policies.ts';
import { assertFieldWrites } from './policies/field-writes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { todoRoutes } from './modules/todo/todo.routes.ts';
import { agreementsRoutes } from './modules/agreements/agreements.routes.ts';
import { partnersRoutes } from './modules/agreements/partners.routes.ts';
import { appointmentsRoutes } from './modules/appointments/appointments.routes.ts';
import { expertsRoutes } from './modules/appointments/experts.routes.ts';
import { conferencesRoutes } from './modules/conferences/conferences.routes.ts';
import { honoursRoutes } from './modules/honours/honours.routes.ts';
import { programmesRoutes } from './modules/programmes/programmes.routes.ts';
import { exchangesRoutes } from './modules/exchanges/exchanges.routes.ts';
import { studentsRoutes } from './modules/students/students.routes.ts';
import { nationalStatisticsRoutes } from './modules/national-statistics/national-statistics.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { countriesRoutes } from './modules/countries/countries.routes.ts';
import { institutionsRoutes } from './modules/institutions/institutions.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { importDraftsRoutes } from './modules/imports/import-drafts.routes.ts';
import { personRightsRoutes } from './modules/people/person-rights.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { visitsRoutes } from './modules/visits/visits.routes.ts';
import { missionsRoutes } from './modules/missions/missions.routes.ts';
import { recordKindsRoutes } from './modules/record-kinds/record-kinds.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { mailRoutes } from './mail/mail.routes.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import { healthRoutes } from './http/health.routes.ts';
import { authRoutes } from './http/auth.routes.ts';
import { calendarFeedRoutes } from './http/calendar-feed.routes.ts';
import { ewpHostRoutes } from './http/ewp-host.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { ewpKeysRoutes } from './interop/ewp/ewp-keys.routes.ts';
import { ewpIiaCopiesRoutes } from './interop/ewp/ewp-iia-copies.routes.ts';
import { iiaAcceptRoutes } from './interop/ewp/iia-accept.routes.ts';
import { iiaPullRoutes } from './interop/ewp/iia-pull.routes.ts';
import { mountRoutes } from './http/mount-routes.ts';
import { operationIds } from './http/operation-ids.ts';
import { ERROR_RESPONSES, responseSerializerCompiler, strictResponses } from './http/response-serializer.ts';
import { registerMetrics } from './http/metrics.ts';
import { databaseRateLimitStore } from './http/rate-limit-store.ts';
import { VERSION } from './version.ts';
import type { LogLevel } from './config.ts';

export interface AppOptions {
  /** Log requests: true at info, or at the level given (INTERCHANGE_LOG_LEVEL). */
  logger?: boolean | LogLevel;
  /** Where log lines go instead of stdout (tests read them for leaked personal data); at info unless `logger` says. */
  logStream?: { write(line: string): void };
  /** Every /api route that was registered, with its policy (the authorization matrix reads it). */
  routeTable?: Array<{ method: string; url: string; policy: unknown; fieldRights?: string }>;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Ant Design writes its styles at run time (CSS-in-JS); scripts stay strict.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Served over plain HTTP on a campus network, upgraded requests would fail: HTTPS is the proxy's job.
  upgradeInsecureRequests: null,
};

/** The route's policy for its caller: 401 for nobody where someone must be signed in, 403 without the right. */
function checkRights(request: FastifyRequest): void {
  const policy = request.routeOptions.config.policy;
  if (!policy || policy === 'public') return;
  if (policy === 'signed-in') {
    if (!request.actor) throw unauthenticated();
  } else authorize(request.actor, policy.entity, policy.action);
  // A create's field rights are read on the body as sent, before validation fills in defaults:
  // naming a field is writing it. A PATCH's are checked by its service once the record is
  // reached (another unit's stays 404) and its state known (a closed mission's 批件号).
  const kind = request.routeOptions.config.fieldRights;
  if (kind && request.method === 'POST') assertFieldWrites(request.actor!, kind, request.body);
}

/** Builds the HTTP server: API, OpenAPI document and docs, and the web app's files. */
export async function buildApp(context: ServerContext, options: AppOptions = {}): Promise<App> {
  const level = options.logger === true ? 'info' : options.logger || (options.logStream ? 'info' : false);
  const app = Fastify({
    logger: level ? { level, base: null, serializers: logSerializers, stream: options.logStream ?? batchedStdout() } : false,
    logController: requestLogController,
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // JSON answers leave through their response schemas: unknown keys dropped, drift a 500 in tests.
  app.setSerializerCompiler(responseSerializerCompiler({ strict: strictResponses(), log: app.log }));
  app.setErrorHandler(handleError);
  registerRequestLog(app);

  // Every /api route must say who may call it; a forgotten policy stops the server at start.
  // Each gets its OpenAPI operationId here too, where a second route with the same one stops it.
  const giveOperationId = operationIds();
  app.addHook('onRoute', (route) => {
    // Every documented operation may answer with the one error shape (http/errors.ts), and says so.
    if (route.schema && !route.schema.hide) route.schema = { ...route.schema, response: { ...ERROR_RESPONSES, ...(route.schema.response as object | undefined) } };
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`route ${String(route.method)} ${route.url} declares no policy`);
    giveOperationId(route);
    const fieldRights = route.config?.fieldRights;
    for (const method of [route.method].flat()) if (method !== 'HEAD') options.routeTable?.push({ method, url: route.url, policy, ...(fieldRights ? { fieldRights } : {}) });
  });
  // One callback hook (a throw is Fastify's error answer): the rights, then, after them (a
  // stranger learns nothing) and before the contracts, the text: no NUL reaches PostgreSQL.
  app.addHook('preValidation', (request, _reply, done) => {
    checkRights(request);
    refuseForbiddenText(request);
    done();
  });

  // Helmet's headers, worked out once (they hold no nonce) and set by one hook.
  const headers = await securityHeaders({
    contentSecurityPolicy: { directives: CSP },
    crossOriginEmbedderPolicy: false,
    // The same answer as frame-ancestors 'none', for browsers that read only this header.
    xFrameOptions: { action: 'deny' },
    // Over plain HTTP, HSTS is meaningless at best; it is sent when the server is behind HTTPS.
    strictTransportSecurity: context.config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  registerSecurityHeaders(app, headers);
  app.addHook('onSend', noStore);
  app.addHook('preParsing', refuseForeignCharset);
  await app.register(cookie);
  // Counted in the database: several server processes on one database share each address's limit.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(context.db) as never });
  // Files are read as streams by the routes that take them, each with its own (smaller or equal) size limit.
  await app.register(multipart, { limits: { files: 1, fields: 0, fileSize: 20 * 1024 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Interchange API', version: VERSION, description: 'Scripts use an API token (Authorization: Bearer ict_…); the web app a session cookie with an x-csrf-token header on writes.' },
      servers: [],
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  registerAuth(app, context.db);
  registerMetrics(app, context);

  healthRoutes(app, context);
  app.get('/api/openapi.json', { config: publicRoute, schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, context);
  calendarFeedRoutes(app, context);
  await ewpHostRoutes(app, context);
  for (const routes of [
    usersRoutes,
    countriesRoutes,
    institutionsRoutes,
    unitsRoutes,
    peopleRoutes,
    personRightsRoutes,
    ledgerRoutes,
    agreementsRoutes,
    partnersRoutes,
    visitsRoutes,
    missionsRoutes,
    appointmentsRoutes,
    expertsRoutes,
    conferencesRoutes,
    honoursRoutes,
    programmesRoutes,
    exchangesRoutes,
    studentsRoutes,
    nationalStatisticsRoutes,
    ...recordKindsRoutes,
    settingsRoutes,
    todoRoutes,
    importsRoutes,
    importDraftsRoutes,
    documentsRoutes,
    auditRoutes,
    searchRoutes,
    reportsRoutes,
    mailRoutes,
    exportsRoutes,
    calendarRoutes,
    ewpKeysRoutes,
    ewpIiaCopiesRoutes,
    iiaAcceptRoutes,
    iiaPullRoutes,
  ])
    mountRoutes(app, context, routes);

  const webDir = context.config.webDir;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) throw notFound();
    // Client-side routes: the web app's router takes over.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}


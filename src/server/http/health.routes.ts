import type { App, ServerContext } from './context.ts';
import { publicRoute } from './context.ts';
import { migrationStatus, type MigrationStatus } from '../db/migrate.ts';
import { buildCommit, VERSION } from '../version.ts';
import { Health, NotReady, Ready } from '../../shared/contracts/health.ts';
import { responseSchemas } from './response-serializer.ts';

/** How long readiness waits for the database before it says it does not answer. */
const DATABASE_TIMEOUT_MS = 3000;

/** Why this server should not take traffic yet: empty when it is ready. */
async function readinessProblems(context: ServerContext, log: App['log']): Promise<{ problems: string[]; status?: MigrationStatus }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
  });
  let status: MigrationStatus;
  try {
    status = await Promise.race([migrationStatus(context.db), timeout]);
  } catch (error) {
    // The error itself (host names, user names) is for the log, not for an anonymous caller.
    log.warn({ err: error }, 'readiness: the database does not answer');
    return { problems: ['the database does not answer'] };
  } finally {
    clearTimeout(timer);
  }
  const problems = [
    ...status.pending.map((name) => `migration ${name} is not applied`),
    ...status.changed.map((name) => `migration ${name} differs from the file that was applied (applied files must never be edited)`),
    ...status.unknown.map((name) => `migration ${name} is applied but has no file (is this server older than its database?)`),
  ];
  return { problems, status };
}

/**
 * /api/health (liveness: the process answers, touching no database) and /api/health/ready
 * (readiness: the database answers and every migration file is applied, unchanged).
 */
export function healthRoutes(app: App, context: ServerContext): void {
  const commit = buildCommit();
  const version = { version: VERSION, ...(commit ? { commit } : {}) };
  app.get('/api/health', { config: publicRoute, schema: { tags: ['health'], summary: 'Check that the server answers (liveness)', response: responseSchemas({ 200: Health }) } }, async () => ({
    status: 'ok',
    engine: context.db.engine,
    ...version,
  }));
  app.get('/api/health/ready', { config: publicRoute, schema: { tags: ['health'], summary: 'Check that the database answers and every migration is applied (readiness)', response: { 200: Ready, 503: NotReady } } }, async (request, reply) => {
    const { problems, status } = await readinessProblems(context, request.log);
    if (problems.length > 0) return reply.code(503).send({ status: 'not ready' as const, problems, engine: context.db.engine, ...version });
    return { status: 'ready' as const, engine: context.db.engine, ...version, migrations: status!.applied };
  });
}

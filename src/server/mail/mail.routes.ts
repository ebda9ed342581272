import { created, declareRoutes, get, patch, policy, post, signedIn } from '../core/routes.ts';
import { DigestRunInput, DigestRunQueued, JobsPage, JobsQuery, MailPreferences, MailPreferencesChange, OutboxPage, OutboxQuery } from '../../shared/contracts/jobs.ts';
import { listJobs } from '../jobs/jobs.repo.ts';
import { listMessages, pendingWork } from './outbox.repo.ts';
import { getMailPreferences, updateMailPreferences } from './mail-preferences.service.ts';
import { startDigestRun } from './digest.service.ts';

/** The administrator's view of background jobs and the outbox, and each user's choice of messages. */
export const mailRoutes = declareRoutes('jobs', [
  get('/api/admin/jobs', { summary: 'Background jobs by state, latest first', ...policy('job', 'read'), query: JobsQuery, response: { 200: JobsPage } }, async ({ deps: { db }, query }) => listJobs(db, query.state)),

  post('/api/admin/jobs/digest', { summary: "Start the daily digest run now (today's, or a named office day)", ...policy('job', 'create'), body: DigestRunInput, response: { 201: DigestRunQueued } }, async ({ ctx, body }) => created(await startDigestRun(ctx, body.date))),

  get('/api/admin/outbox', { summary: 'Messages of the outbox, latest first', ...policy('job', 'read'), query: OutboxQuery, response: { 200: OutboxPage } }, async ({ deps: { db }, query }) => {
    const { items, total } = await listMessages(db, { status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return { items: items.map(({ idempotencyKey: _k, userId: _u, ...m }) => m), total, page: query.page, pageSize: query.pageSize, pending: await pendingWork(db) };
  }),

  get('/api/auth/mail-preferences', { summary: 'Which kinds of message I receive', ...signedIn, response: { 200: MailPreferences } }, async ({ ctx }) => getMailPreferences(ctx)),

  patch('/api/auth/mail-preferences', { summary: 'Switch kinds of message on or off', ...signedIn, body: MailPreferencesChange, response: { 200: MailPreferences } }, async ({ ctx, body }) => updateMailPreferences(ctx, body)),
]);

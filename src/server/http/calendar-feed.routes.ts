import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, ServerContext } from './context.ts';
import { publicRoute } from './context.ts';
import { notFound } from '../core/errors.ts';
import { calendarFeedText } from '../modules/calendar/calendar.public.ts';
import { officeToday } from '../../shared/calendar.ts';
import { fileResponse } from '../core/routes.ts';
import { responseSchemas } from './response-serializer.ts';

/**
 * Feed requests per address per minute. Not the sign-in limit (20): a calendar service (Google,
 * Microsoft) fetches every subscriber's feed from a few shared addresses, and behind a reverse
 * proxy every request has the proxy's address; this still bounds what one address can make the
 * server build. Counted in the database like sign-in's, refused requests included.
 */
export const FEED_REQUESTS_PER_MINUTE = 120;

/** The feed's URL parameter: loosely shaped here (the service answers 404 to anything not a live secret, without telling why). */
const FeedParams = z.object({ secret: z.string().min(1).max(100) });

/**
 * GET (and HEAD) /calendar/<secret>.ics: a user's calendar feed, for Outlook, Google Calendar
 * and Apple Calendar, which cannot sign in: the secret in the URL is the credential, so it is
 * handled here with the other credentials. Public (no cookie, no CSRF), limited per address
 * (FEED_REQUESTS_PER_MINUTE), kept by no shared cache (`private`), logged by its route template only (the
 * request log never writes the URL, so never the secret). 404 for a wrong or replaced secret
 * and for a disabled user alike.
 */
export function calendarFeedRoutes(app: App, { db, config }: ServerContext): void {
  // The links in the feed are absolute: on the public address when one is set, else on the address the calendar asked.
  const originOf = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;
  app.get(
    '/calendar/:secret.ics',
    {
      config: { ...publicRoute, rateLimit: { max: FEED_REQUESTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['calendar'],
        summary: 'A user\u2019s calendar feed (iCalendar), read with the secret of its URL instead of signing in',
        operationId: 'getCalendarFeed',
        security: [],
        params: FeedParams,
        response: responseSchemas(fileResponse('text/calendar')),
      },
    },
    async (request, reply) => {
      const text = await calendarFeedText(db, { secret: request.params.secret, origin: originOf(request), today: officeToday() });
      if (text === null) throw notFound();
      return reply.header('cache-control', 'private, max-age=0').type('text/calendar; charset=utf-8').send(text);
    },
  );
}

import { created, declareRoutes, get, post, signedIn } from '../../core/routes.ts';
import { CalendarFeedCreated, CalendarFeedState } from '../../../shared/contracts/calendar.ts';
import { getCalendarFeed, rotateCalendarFeed } from './calendar.service.ts';

/**
 * The caller's own calendar feed, on the account page: whether there is one, and a new URL
 * (the old one stops working). The feed itself, read with its secret and no cookie, is
 * http/calendar-feed.routes.ts: its secret is a credential, which only http/ handles.
 */
export const calendarRoutes = declareRoutes('calendar', [
  get('/api/auth/calendar-feed', { summary: 'Whether you have a calendar feed, since when, and when a calendar last read it', ...signedIn, response: { 200: CalendarFeedState } }, async ({ ctx }) => getCalendarFeed(ctx)),
  post('/api/auth/calendar-feed', { summary: 'Make a new calendar feed URL (shown once); the previous one stops working', ...signedIn, response: { 201: CalendarFeedCreated } }, async ({ ctx, deps }) =>
    created(await rotateCalendarFeed(ctx, { publicUrl: deps.config.publicUrl })),
  ),
]);

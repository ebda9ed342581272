/** What http/ may ask the calendar module: the feed's text for a secret (http/calendar-feed.routes.ts, which alone reads the secret from the URL). */
export { calendarFeedText } from './calendar.service.ts';

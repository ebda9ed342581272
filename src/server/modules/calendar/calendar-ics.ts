import ical, { ICalCalendarMethod } from 'ical-generator';
import { addDays } from '../../../shared/calendar.ts';

/** One all-day event of a feed: its days run from `start` to `lastDay`, both included. */
export interface FeedEvent {
  /** Stable across fetches and rotations (`visit-12@host`), so a calendar updates the event instead of adding another. */
  uid: string;
  start: string;
  lastDay: string;
  summary: string;
  description: string;
  url: string | null;
  lastModified: string | null;
}

/** How often a subscribed calendar is asked to fetch the feed again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 3600;

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The feed as iCalendar text (RFC 5545): all-day events whose DTEND is the day after the last
 * (exclusive, as the RFC says and as Outlook, Google and Apple read it), the calendar's name
 * (X-WR-CALNAME) and a refresh hint. ical-generator escapes commas, semicolons, backslashes and
 * line breaks and folds long lines by octets, so any script comes back as written.
 */
export function feedText(options: { name: string; events: FeedEvent[]; now?: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Interchange', product: 'Interchange calendar feed', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_REFRESH_SECONDS,
  });
  const stamp = options.now ?? new Date();
  for (const e of options.events) {
    calendar.createEvent({
      id: e.uid,
      allDay: true,
      start: utcDay(e.start),
      end: utcDay(addDays(e.lastDay, 1)),
      summary: e.summary,
      description: e.description,
      url: e.url,
      stamp,
      lastModified: e.lastModified ? new Date(e.lastModified) : null,
    });
  }
  return calendar.toString();
}

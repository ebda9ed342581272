import { z } from 'zod';

/**
 * A feed's secret as it appears in its URL (`/calendar/<secret>.ics`): `icf_` and 43 base64url
 * characters (32 random bytes). Anything else is not a feed, answered 404 before a lookup.
 */
export const CALENDAR_SECRET_PATTERN = /^icf_[A-Za-z0-9_-]{43}$/;

/** The path of a feed's URL, given its secret. */
export const calendarFeedPath = (secret: string): string => `/calendar/${secret}.ics`;

/** The caller's calendar feed as the account page shows it: whether one exists, since when, last read when. The URL is shown only once. */
export const CalendarFeedState = z.object({
  exists: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedState = z.infer<typeof CalendarFeedState>;

/** A new feed URL, returned once when it is made (the secret itself is never stored). */
export const CalendarFeedCreated = z.object({
  createdAt: z.string(),
  /** The URL's path, `/calendar/<secret>.ics`. */
  path: z.string(),
  /** The absolute URL, on the server's public address (INTERCHANGE_PUBLIC_URL); null when none is set (the web app puts its own origin in front of the path). */
  url: z.string().nullable(),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

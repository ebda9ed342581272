-- Calendar feeds (issue 12): one iCalendar URL per user, whose secret part is the credential a
-- calendar client (Outlook, Google Calendar, Apple Calendar) fetches it with, no cookie.
-- Only the secret's SHA-256 digest is kept, as for sessions and API tokens: a copy of the
-- database gives no working feed URL. The user sees the URL once, when it is made; making a
-- new one replaces the row, and the old URL stops working at once.
CREATE TABLE calendar_feeds (
  user_id       bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret_hash   text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz
);

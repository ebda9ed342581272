-- The daily digest (issue 12): each user's to-do list, new and late items, once per office day.

-- What each user's last digest saw: the office day it was made for and the keys of every item
-- on their to-do list that day, so the next one tells "new" from "already told". One row per
-- user, locked while their digest is made, so two servers making it at once make it once.
CREATE TABLE digest_state (
  user_id     bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  office_day  date,
  item_keys   text[] NOT NULL DEFAULT '{}'
);

-- The office days whose digest run the daily schedule has queued: one run a day, however many
-- server processes look at the clock.
CREATE TABLE digest_runs (
  office_day  date PRIMARY KEY,
  queued_at   timestamptz NOT NULL DEFAULT now()
);

-- The office's hour (0–23, in its time zone) at which the daily digest is sent.
INSERT INTO settings (key, value) VALUES ('digest.hour', '7');

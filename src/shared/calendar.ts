/** The office's time zone: "today" is a day in Shanghai, whatever the server's clock zone. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

// Building an Intl.DateTimeFormat costs far more than formatting with one (a profile of the demo's
// load found a tenth of a millisecond a call), and "today" is asked on every request: one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date ('YYYY-MM-DD') in the office's time zone. */
export function officeToday(now: Date = new Date(), timeZone = OFFICE_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

// Calendar arithmetic on 'YYYY-MM-DD' dates, in UTC so that no time zone shifts a day.

const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

/** `date` plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** `date` plus whole `months`; a day past the end of the target month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return format(d);
}

/** Whole months from `from` to `to`, rounded to the nearest month (a term of 2020-01-01..2024-12-31 is 60). */
export function monthsBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return b.getUTCDate() - a.getUTCDate() >= 15 ? months + 1 : b.getUTCDate() - a.getUTCDate() <= -15 ? months - 1 : months;
}

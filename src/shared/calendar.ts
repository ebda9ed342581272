/** The office's time zone: "today" is a day in Shanghai, whatever the server's clock zone. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

/** Today's date ('YYYY-MM-DD') in the office's time zone. */
export function officeToday(now: Date = new Date(), timeZone = OFFICE_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

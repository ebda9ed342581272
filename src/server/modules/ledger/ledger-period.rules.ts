/**
 * How a period [from, to] (by start date, both ends inclusive) is read: whole years from the
 * rollups, and the partial years at its edges from the ledger. An edge year is read either
 * as its days inside the period (added) or as the whole year from the rollups minus its days
 * outside the period (subtracted), whichever spans fewer days: "since 1980 as of today" reads
 * the rest of this year (rows dated after today, usually few), not the year so far.
 */
export interface PeriodPlan {
  /** Whole years read from the rollups, inclusive; null bounds are open; null = no year at all. */
  years: { from: number | null; to: number | null } | null;
  /** Start-date spans read from the ledger, added (+1) or subtracted (-1). */
  edges: Array<{ from: string; to: string; sign: 1 | -1 }>;
}

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const yearOf = (date: string) => Number(date.slice(0, 4));
const days = (from: string, to: string) => (time(to) - time(from)) / DAY + 1;
const addDays = (date: string, n: number) => iso(time(date) + n * DAY);

/** The plan for a period; see PeriodPlan. */
export function planPeriod(from?: string, to?: string): PeriodPlan {
  if (from && to && from > to) return { years: null, edges: [] };
  const fy = from ? yearOf(from) : null;
  const ty = to ? yearOf(to) : null;
  const fromPartial = from !== undefined && !from.endsWith('-01-01');
  const toPartial = to !== undefined && !to.endsWith('-12-31');
  if (from && to && fy === ty && (fromPartial || toPartial)) {
    const inside = days(from, to);
    const outside = days(`${fy}-01-01`, `${fy}-12-31`) - inside;
    if (inside <= outside) return { years: null, edges: [{ from, to, sign: 1 }] };
    const edges: PeriodPlan['edges'] = [];
    if (fromPartial) edges.push({ from: `${fy}-01-01`, to: addDays(from, -1), sign: -1 });
    if (toPartial) edges.push({ from: addDays(to, 1), to: `${ty}-12-31`, sign: -1 });
    return { years: { from: fy, to: ty }, edges };
  }
  const years = { from: fy, to: ty };
  const edges: PeriodPlan['edges'] = [];
  if (from && fromPartial) {
    const inside = { from, to: `${fy}-12-31` };
    const outside = { from: `${fy}-01-01`, to: addDays(from, -1) };
    if (days(inside.from, inside.to) <= days(outside.from, outside.to)) {
      edges.push({ ...inside, sign: 1 });
      years.from = fy! + 1;
    } else edges.push({ ...outside, sign: -1 });
  }
  if (to && toPartial) {
    const inside = { from: `${ty}-01-01`, to };
    const outside = { from: addDays(to, 1), to: `${ty}-12-31` };
    if (days(inside.from, inside.to) <= days(outside.from, outside.to)) {
      edges.push({ ...inside, sign: 1 });
      years.to = ty! - 1;
    } else edges.push({ ...outside, sign: -1 });
  }
  const noYears = years.from !== null && years.to !== null && years.from > years.to;
  return { years: noYears ? null : years, edges };
}

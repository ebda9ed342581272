import type { RequestContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { BreakdownRow } from '../../../shared/contracts/reports.ts';
import type { Direction } from '../../../shared/contracts/ledger.ts';
import { personTimesBy, type PersonTimesDimension } from '../../modules/ledger/ledger-figures.service.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import { figureContext } from '../figures/figure-context.ts';

/**
 * Person-times over a period (by start date) broken down by country/region, category, unit or
 * who, largest first, from the ledger's one function. A coordinator's are their unit's.
 */
export function computeBreakdown(
  caller: RequestContext,
  options: { by: PersonTimesDimension; direction?: Direction; from?: string; to?: string; unitId?: number },
): Promise<BreakdownRow[]> {
  const ctx = figureContext(caller, { asOf: officeToday(), ...(options.unitId !== undefined ? { unitId: options.unitId } : {}) });
  return personTimesBy(ctx.db, options.by, {
    ...(options.direction ? { direction: options.direction } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(ctx.unitId !== null ? { unitId: ctx.unitId } : {}),
  });
}

/** The breakdown as a table to download (csv, xlsx). */
export function breakdownTable(rows: BreakdownRow[], by: string): ExportTable {
  return { name: `person-times-by-${by}`, title: `Person-times by ${by}`, headings: [by, 'person-times'], rows: rows.map((r) => [r.key, r.personTimes]) };
}

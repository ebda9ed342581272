import type { RequestContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { FIGURE_KEYS, type Figure, type FigureKey, type FigureSet } from '../../../shared/contracts/reports.ts';
import { figureContext } from './figure-context.ts';
import { FIGURE_GROUPS } from './figure-groups.ts';

/**
 * Every figure of the fact sheet on `asOf` (default today), in the order of FIGURE_KEYS, for
 * the caller (a coordinator's are their unit's; the office may ask for one unit's). The one
 * statistics service: the API, the dashboard, the fact sheet and the CLI all read this.
 */
export async function computeFigureSet(caller: RequestContext, options: { asOf?: string; unitId?: number }): Promise<FigureSet> {
  const asOf = options.asOf ?? officeToday();
  const ctx = figureContext(caller, { asOf, ...(options.unitId !== undefined ? { unitId: options.unitId } : {}) });
  // One after another: the embedded engine has a single connection.
  const figures: Figure[] = [];
  for (const group of FIGURE_GROUPS) figures.push(...(await group.compute(ctx)));
  return figureSetOf(asOf, figures);
}

/** The set of `figures` (every group's, in any order) in the order of FIGURE_KEYS. */
export function figureSetOf(asOf: string, figures: readonly Figure[]): FigureSet {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  return { asOf, figures: FIGURE_KEYS.map((k) => byKey.get(k)!) };
}

/** A figure of a set, by key. */
export function figureOf(set: FigureSet, key: FigureKey): Figure {
  const found = set.figures.find((f) => f.key === key);
  if (!found) throw new Error(`figure ${key} missing`);
  return found;
}

/** The flat object of the issue: `{ "partners.universities": 63, … }`, null for modules not landed. */
export function flatFigures(set: FigureSet): Record<FigureKey, Figure['value']> {
  return Object.fromEntries(set.figures.map((f) => [f.key, f.value])) as Record<FigureKey, Figure['value']>;
}

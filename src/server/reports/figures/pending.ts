import type { Figure, FigureKey, FigureUnit } from '../../../shared/contracts/reports.ts';
import { figure, type FigureContext } from './figure-context.ts';

/**
 * The figures whose module has not landed yet (the joint
 * programme, exchanges), with what each will count and over which period. Their value is null,
 * never 0: "not available yet" is not "none". A module that lands replaces its rows here with
 * a file of its own.
 */
const PENDING: ReadonlyArray<{ key: FigureKey; counts: FigureUnit; since?: string }> = [
];

/** The figures of modules not built yet: null, with no records to link to. */
export function pendingFigures(ctx: FigureContext): Figure[] {
  return PENDING.map((p) =>
    figure(ctx, p.key, p.counts, null, p.since ? { asOf: null, from: p.since, to: ctx.asOf, records: null } : { records: null }),
  );
}

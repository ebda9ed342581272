import type { Figure, FigureItem } from '../../../shared/contracts/reports.ts';
import { honoursAsOf } from '../../modules/honours/honours.service.ts';
import { groupLine, type HonourGroup } from '../../modules/honours/honours.rules.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/** One item per holder of a group: the holder's names in each script, the honour as the group. */
function holderItems(g: HonourGroup): FigureItem[] {
  return g.holders.map((h) => ({
    key: `${g.key}#${h.personId}`,
    count: null,
    nameEn: h.nameEn,
    nameZh: h.nameZh,
    title: h.title,
    group: { key: g.key, kind: g.kind, name: g.name, by: g.by },
  }));
}

/**
 * "Dozens of … professors and experts have been awarded honorary titles … The more important
 * ones are: …": the notable honours conferred on or before the date, one line per honour (its
 * name, its awarding body and its holders, in the order they received it), and how many of our
 * people hold at least one honour on the date. An honour known only by its year counts from 1
 * January of that year; one conferred after the date is not there yet.
 */
export async function honourFigures(ctx: FigureContext): Promise<Figure[]> {
  const { groups, holders } = await honoursAsOf(ctx.db, { asOf: ctx.asOf });
  const unitId = ctx.chosenUnitId;
  return [
    figure(ctx, 'honours', 'names', groups.map(groupLine), {
      records: recordsAt('/api/honours', '/honours', { notable: 'true', asOf: ctx.asOf, unitId }),
      items: groups.flatMap(holderItems),
    }),
    figure(ctx, 'honours.holders', 'persons', holders, {
      records: recordsAt('/api/honours', '/honours', { asOf: ctx.asOf, unitId }),
    }),
  ];
}

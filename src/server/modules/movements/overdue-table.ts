import type { Locale } from '../../../shared/contracts/common.ts';
import type { OverdueMovement } from '../../../shared/contracts/movements.ts';
import type { ExportTable } from '../../interop/table-export.ts';

type Label = Record<Locale, string>;

/** The headings of an overdue table: the unit and the movement (each kind names them), then the common columns. */
export interface OverdueHeadings {
  unit: Label;
  movement: Label;
  startDate: Label;
  endDate: Label;
  reportDueOn: Label;
  daysOverdue: Label;
  personTimes: Label;
}

type OverdueUnit<K extends string> = { nameEn: string; nameZh: string; nameFr: string | null } & { [P in K]: OverdueMovement[] };

/** The overdue reports as one table in the reader's language, a row per movement (under `key`), grouped by unit. */
export function overdueTable<K extends string>(
  report: { asOf: string; units: Array<OverdueUnit<K>> },
  key: K,
  locale: Locale,
  labels: { name: string; title: Label; headings: OverdueHeadings },
): ExportTable {
  const h = labels.headings;
  return {
    name: `${labels.name}-${report.asOf}`,
    title: labels.title[locale],
    headings: [h.unit, h.movement, h.startDate, h.endDate, h.reportDueOn, h.daysOverdue, h.personTimes].map((x) => x[locale]),
    rows: report.units.flatMap((u) =>
      (u[key] as OverdueMovement[]).map((m) => [
        locale === 'zh' ? u.nameZh : locale === 'fr' ? (u.nameFr ?? u.nameEn) : u.nameEn,
        locale === 'zh' ? (m.titleZh ?? m.titleEn) : m.titleEn,
        m.startDate,
        m.endDate,
        m.reportDueOn,
        m.daysOverdue,
        m.personTimes,
      ]),
    ),
  };
}

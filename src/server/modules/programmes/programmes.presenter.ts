import type { Locale } from '../../../shared/contracts/common.ts';
import type { ProgrammeStudent } from '../../../shared/contracts/programmes.ts';
import { STUDENT_EXPORT_HEADINGS, STUDENT_STATUS_LABELS } from '../../../shared/i18n/programme-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';

/** The students as a table in the reader's language; names keep their own script beside the romanisation. */
export function studentsTable(items: ProgrammeStudent[], locale: Locale, name: string): ExportTable {
  const h = STUDENT_EXPORT_HEADINGS;
  return {
    name,
    title: h.title[locale],
    headings: [h.number, h.name, h.nameZh, h.cohort, h.status, h.placed, h.host].map((x) => x[locale]),
    rows: items.map((s) => [
      s.studentNumber,
      [s.person.familyName, s.person.givenName].filter(Boolean).join(' '),
      s.person.nameZh,
      s.entryYear,
      STUDENT_STATUS_LABELS[s.status][locale],
      s.placed ? h.yes[locale] : '',
      s.placedAt,
    ]),
  };
}

import type { Locale } from '../../../shared/contracts/common.ts';
import type { Mission, MissionOverdueReports } from '../../../shared/contracts/missions.ts';
import { FUNDING_SOURCE_LABELS, MISSION_EXPORT_TITLES, MISSION_HEADINGS, MISSION_PURPOSE_LABELS, MISSION_STATUS_LABELS } from '../../../shared/i18n/mission-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import { overdueTable } from '../movements/overdue-table.ts';
import { nameIn } from '../../../shared/i18n/name-in.ts';

const title = (m: { titleEn: string; titleZh: string | null }, locale: Locale) => (locale === 'zh' ? (m.titleZh ?? m.titleEn) : m.titleEn);

/** A member as a list reads them: 陈国强 in Chinese, Chen Guo-qiang otherwise. */
function memberName(m: Mission['members'][number], locale: Locale): string {
  const latin = [m.familyName, m.givenName].filter(Boolean).join(' ');
  return locale === 'zh' ? (m.nameZh ?? latin) : latin;
}

/** The missions of a list as one table in the reader's language, a row per mission. */
export function missionsTable(missions: Mission[], locale: Locale, asOf: string): ExportTable {
  const h = MISSION_HEADINGS;
  return {
    name: `missions-${asOf}`,
    title: MISSION_EXPORT_TITLES.missions[locale],
    headings: [h.mission, h.unit, h.purpose, h.destinations, h.members, h.startDate, h.endDate, h.status, h.fundingSource, h.approvalDocumentNo, h.reportDueOn, h.personTimes].map(
      (x) => x[locale],
    ),
    rows: missions.map((m) => [
      title(m, locale),
      nameIn(locale, m.unitNameEn, m.unitNameZh, m.unitNameFr),
      MISSION_PURPOSE_LABELS[m.purpose][locale],
      m.destinations.map((d) => [d.countryCode, locale === 'zh' ? (d.institutionNameZh ?? d.institutionNameEn) : d.institutionNameEn].filter(Boolean).join(' ')).join('; '),
      m.members.map((x) => memberName(x, locale)).join('; '),
      m.startDate,
      m.endDate,
      MISSION_STATUS_LABELS[m.status][locale],
      FUNDING_SOURCE_LABELS[m.fundingSource][locale],
      m.approvalDocumentNo,
      m.reportDueOn,
      m.members.length,
    ]),
  };
}

/** The overdue reports as one table in the reader's language, a row per mission, grouped by unit. */
export function overdueMissionsTable(report: MissionOverdueReports, locale: Locale): ExportTable {
  const headings = { ...MISSION_HEADINGS, movement: MISSION_HEADINGS.mission };
  return overdueTable(report, 'missions', locale, { name: 'overdue-mission-reports', title: MISSION_EXPORT_TITLES.overdue, headings });
}

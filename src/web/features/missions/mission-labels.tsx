import type { Locale } from '../../../shared/contracts/common.ts';
import type { Mission, MissionMember, MissionStatus } from '../../../shared/contracts/missions.ts';
import { FUNDING_SOURCE_LABELS, MEMBER_ROLE_LABELS, MISSION_PURPOSE_LABELS, MISSION_STATUS_LABELS } from '../../../shared/i18n/mission-labels.ts';
import { DateSpan } from '../../components/date-span.tsx';
import { movementTitle } from '../../components/movement-list.tsx';
import { StatusTags, type StatusTagSet } from '../../components/status-tags.tsx';
import { useEnumLabels } from '../../lib/enum-labels.ts';
import { nameIn } from '../../../shared/i18n/name-in.ts';

/** A mission's title in the interface language; French falls back to English, which every mission has. */
export const missionTitle = movementTitle;

/** The sending unit's name in the interface language (the mission carries English and Chinese). */
export function unitName(m: Pick<Mission, 'unitNameEn' | 'unitNameZh' | 'unitNameFr'>, locale: Locale): string {
  return nameIn(locale, m.unitNameEn, m.unitNameZh, m.unitNameFr);
}

/** One of our staff: the Chinese name when there is one (our colleagues' own script), else the Latin one. */
export function memberName(m: Pick<MissionMember, 'familyName' | 'givenName' | 'nameZh'>, locale: Locale): string {
  const latin = m.givenName ? `${m.familyName} ${m.givenName}` : m.familyName;
  return m.nameZh && locale !== 'fr' ? m.nameZh : latin;
}

/** The status, purpose, funding and role names the server's exports use too (one source in src/shared). */
export const useMissionLabels = () =>
  useEnumLabels({ status: MISSION_STATUS_LABELS, purpose: MISSION_PURPOSE_LABELS, funding: FUNDING_SOURCE_LABELS, role: MEMBER_ROLE_LABELS });

/** A mission's status tag: the shared labels, a colour per status, and "report overdue" beside it. */
const MISSION_TAGS: StatusTagSet<MissionStatus, Pick<Mission, 'status' | 'reportOverdue'>> = {
  labels: MISSION_STATUS_LABELS,
  colours: { requested: 'processing', approved: 'cyan', rejected: 'red', travelled: 'blue', closed: 'green', cancelled: 'default' },
  testId: 'mission-status',
  flags: [{ when: (m) => m.reportOverdue, colour: 'orange', label: 'mission.tag.overdue', testId: 'mission-overdue' }],
};

/** The stored status, and the derived "report overdue" beside it. */
export const MissionTags = ({ mission }: { mission: Pick<Mission, 'status' | 'reportOverdue'> }) => <StatusTags record={mission} tags={MISSION_TAGS} />;

/** The days of a mission as ISO dates: departure and return (one above the other in narrow columns). */
export const MissionDates = ({ mission, stacked = false }: { mission: Pick<Mission, 'startDate' | 'endDate'>; stacked?: boolean }) => (
  <DateSpan start={mission.startDate} end={mission.endDate} stacked={stacked} />
);

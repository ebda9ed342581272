import { Space, Tag } from 'antd';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { FundingSource, MemberRole, Mission, MissionMember, MissionPurpose, MissionStatus } from '../../../shared/contracts/missions.ts';
import { FUNDING_SOURCE_LABELS, MEMBER_ROLE_LABELS, MISSION_PURPOSE_LABELS, MISSION_STATUS_LABELS } from '../../../shared/i18n/mission-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** A mission's title in the interface language; French falls back to English, which every mission has. */
export function missionTitle(m: Pick<Mission, 'titleEn' | 'titleZh'>, locale: Locale): string {
  return (locale === 'zh' ? m.titleZh : null) || m.titleEn;
}

/** The sending unit's name in the interface language (the mission carries English and Chinese). */
export function unitName(m: Pick<Mission, 'unitNameEn' | 'unitNameZh'>, locale: Locale): string {
  return locale === 'zh' ? m.unitNameZh : m.unitNameEn;
}

/** One of our staff: the Chinese name when there is one (our colleagues' own script), else the Latin one. */
export function memberName(m: Pick<MissionMember, 'familyName' | 'givenName' | 'nameZh'>, locale: Locale): string {
  const latin = m.givenName ? `${m.familyName} ${m.givenName}` : m.familyName;
  return m.nameZh && locale !== 'fr' ? m.nameZh : latin;
}

/** The status, purpose, funding and role names the server's exports use too (one source in src/shared). */
export function useMissionLabels() {
  const { locale } = useI18n();
  return {
    status: (status: MissionStatus) => MISSION_STATUS_LABELS[status][locale],
    purpose: (purpose: MissionPurpose) => MISSION_PURPOSE_LABELS[purpose][locale],
    funding: (source: FundingSource) => FUNDING_SOURCE_LABELS[source][locale],
    role: (role: MemberRole) => MEMBER_ROLE_LABELS[role][locale],
  };
}

const STATUS_COLOURS: Record<MissionStatus, string> = {
  requested: 'processing',
  approved: 'cyan',
  rejected: 'red',
  travelled: 'blue',
  closed: 'green',
  cancelled: 'default',
};

/** The stored status, and the derived "report overdue" beside it. */
export function MissionTags({ mission }: { mission: Pick<Mission, 'status' | 'reportOverdue'> }) {
  const { t } = useI18n();
  const labels = useMissionLabels();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[mission.status]} data-testid="mission-status">
        {labels.status(mission.status)}
      </Tag>
      {mission.reportOverdue ? (
        <Tag color="orange" data-testid="mission-overdue">
          {t('mission.tag.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The days of a mission as ISO dates: departure and return (one above the other in narrow columns). */
export function MissionDates({ mission: m, stacked = false }: { mission: Pick<Mission, 'startDate' | 'endDate'>; stacked?: boolean }) {
  if (m.startDate === m.endDate) return <span style={{ whiteSpace: 'nowrap' }}>{m.startDate}</span>;
  if (stacked)
    return (
      <span style={{ whiteSpace: 'nowrap', lineHeight: 1.35, display: 'inline-block' }}>
        {m.startDate}
        <br />– {m.endDate}
      </span>
    );
  return <span style={{ whiteSpace: 'nowrap' }}>{`${m.startDate} – ${m.endDate}`}</span>;
}

import { Space, Tag } from 'antd';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { AttendeeRole, Conference, ConferenceClassification, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { ATTENDEE_ROLE_LABELS, CONFERENCE_CLASSIFICATION_LABELS, CONFERENCE_STATUS_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** A conference's title in the interface language (French falls back to English, which every conference has). */
export function conferenceTitle(c: Pick<Conference, 'titleEn' | 'titleZh' | 'titleFr'>, locale: Locale): string {
  if (locale === 'zh') return c.titleZh;
  if (locale === 'fr') return c.titleFr ?? c.titleEn;
  return c.titleEn;
}

/** The other title to keep in sight: the Chinese one, or the English one in a Chinese interface. */
export function otherTitle(c: Pick<Conference, 'titleEn' | 'titleZh'>, locale: Locale): string {
  return locale === 'zh' ? c.titleEn : c.titleZh;
}

/** The status, classification and role names the server uses too (one source in src/shared). */
export function useConferenceLabels() {
  const { locale } = useI18n();
  return {
    status: (status: ConferenceStatus) => CONFERENCE_STATUS_LABELS[status][locale],
    classification: (c: ConferenceClassification) => CONFERENCE_CLASSIFICATION_LABELS[c][locale],
    role: (role: AttendeeRole) => ATTENDEE_ROLE_LABELS[role][locale],
  };
}

const STATUS_COLOURS: Record<ConferenceStatus, string> = {
  proposed: 'processing',
  approved: 'cyan',
  rejected: 'red',
  held: 'blue',
  closed: 'green',
  cancelled: 'default',
};

/** The stored status, and the derived "summary overdue" beside it. */
export function ConferenceTags({ conference }: { conference: Pick<Conference, 'status' | 'summaryOverdue'> }) {
  const { t } = useI18n();
  const labels = useConferenceLabels();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[conference.status]} data-testid="conference-status">
        {labels.status(conference.status)}
      </Tag>
      {conference.summaryOverdue ? <Tag color="red">{t('conf.tag.overdue')}</Tag> : null}
    </Space>
  );
}

/** Major or general, by the office's threshold on foreign participants (derived by the server). */
export function ClassificationTag({ classification }: { classification: ConferenceClassification }) {
  const labels = useConferenceLabels();
  return (
    <Tag color={classification === 'major' ? 'volcano' : 'default'} data-testid="conference-classification">
      {labels.classification(classification)}
    </Tag>
  );
}

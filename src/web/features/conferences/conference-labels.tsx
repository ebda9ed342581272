import type { Locale } from '../../../shared/contracts/common.ts';
import type { Conference, ConferenceClassification, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { ATTENDEE_ROLE_LABELS, CONFERENCE_CLASSIFICATION_LABELS, CONFERENCE_STATUS_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { StatusTag, StatusTags, type StatusTagSet } from '../../components/status-tags.tsx';
import { useEnumLabels } from '../../lib/enum-labels.ts';

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
export const useConferenceLabels = () =>
  useEnumLabels({ status: CONFERENCE_STATUS_LABELS, classification: CONFERENCE_CLASSIFICATION_LABELS, role: ATTENDEE_ROLE_LABELS });

/** A conference's status tag: the shared labels, a colour per status, and "summary overdue" beside it. */
const CONFERENCE_TAGS: StatusTagSet<ConferenceStatus, Pick<Conference, 'status' | 'summaryOverdue'>> = {
  labels: CONFERENCE_STATUS_LABELS,
  colours: { proposed: 'processing', approved: 'cyan', rejected: 'red', held: 'blue', closed: 'green', cancelled: 'default' },
  testId: 'conference-status',
  flags: [{ when: (c) => c.summaryOverdue, colour: 'red', label: 'conf.tag.overdue' }],
};

/** The stored status, and the derived "summary overdue" beside it. */
export const ConferenceTags = ({ conference }: { conference: Pick<Conference, 'status' | 'summaryOverdue'> }) => (
  <StatusTags record={conference} tags={CONFERENCE_TAGS} />
);

/** Major or general, by the office's threshold on foreign participants (derived by the server). */
const CLASSIFICATION_TAG: StatusTagSet<ConferenceClassification> = {
  labels: CONFERENCE_CLASSIFICATION_LABELS,
  colours: { major: 'volcano', general: 'default' },
  testId: 'conference-classification',
};

/** Major or general, by the office's threshold on foreign participants (derived by the server). */
export const ClassificationTag = ({ classification }: { classification: ConferenceClassification }) => <StatusTag status={classification} tags={CLASSIFICATION_TAG} />;

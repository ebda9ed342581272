import type { Locale } from '../../../shared/contracts/common.ts';
import type { Visit, VisitMember, VisitStatus } from '../../../shared/contracts/visits.ts';
import { PROTOCOL_LEVEL_LABELS, VISIT_PURPOSE_LABELS, VISIT_STATUS_LABELS } from '../../../shared/i18n/visit-labels.ts';
import { DateSpan } from '../../components/date-span.tsx';
import { movementTitle } from '../../components/movement-list.tsx';
import { StatusTags, type StatusTagSet } from '../../components/status-tags.tsx';
import { useEnumLabels } from '../../lib/enum-labels.ts';
import { nameIn } from '../../../shared/i18n/name-in.ts';

/** A visit's title in the interface language; French falls back to English, which every visit has. */
export const visitTitle = movementTitle;

/** The host unit's name in the interface language (the visit carries English and Chinese). */
export function hostUnitName(v: Pick<Visit, 'hostUnitNameEn' | 'hostUnitNameZh' | 'hostUnitNameFr'>, locale: Locale): string {
  return nameIn(locale, v.hostUnitNameEn, v.hostUnitNameZh, v.hostUnitNameFr);
}

// Where the name in Chinese characters is the visitor's own script (kanji in Japan), not a transcription made for our use.
const HAN_SCRIPT_PLACES = new Set(['CN', 'HK', 'MO', 'TW', 'SG', 'JP']);

/** A visitor's name in their own script: the Chinese name for a Chinese interface or a visitor from a Han-script place, else Latin. */
export function memberName(m: Pick<VisitMember, 'familyName' | 'givenName' | 'nameZh' | 'countryCode'>, locale: Locale): string {
  if (m.nameZh && (locale === 'zh' || HAN_SCRIPT_PLACES.has(m.countryCode))) return m.nameZh;
  return m.givenName ? `${m.givenName} ${m.familyName}` : m.familyName;
}

/** The visitor's other name (the Latin one beside a Chinese name, or the reverse), if any. */
export function memberOtherName(m: Pick<VisitMember, 'familyName' | 'givenName' | 'nameZh' | 'countryCode'>, locale: Locale): string | null {
  const latin = m.givenName ? `${m.givenName} ${m.familyName}` : m.familyName;
  const shown = memberName(m, locale);
  return shown === latin ? m.nameZh : latin;
}

/** The status, purpose and protocol level names the server's letters and exports use too (one source in src/shared). */
export const useVisitLabels = () => useEnumLabels({ status: VISIT_STATUS_LABELS, purpose: VISIT_PURPOSE_LABELS, protocolLevel: PROTOCOL_LEVEL_LABELS });

type TaggedVisit = Pick<Visit, 'status' | 'reportOverdue' | 'notable'>;

/** A visit's status tag: the shared labels, a colour per status, and "report overdue" beside it. */
const VISIT_TAGS: StatusTagSet<VisitStatus, TaggedVisit> = {
  labels: VISIT_STATUS_LABELS,
  colours: { requested: 'processing', approved: 'cyan', rejected: 'red', held: 'blue', closed: 'green', cancelled: 'default' },
  testId: 'visit-status',
  flags: [{ when: (v) => v.reportOverdue, colour: 'orange', label: 'visit.tag.overdue', testId: 'visit-overdue' }],
};

/** The same, with "notable" too. */
const VISIT_TAGS_NOTABLE: StatusTagSet<VisitStatus, TaggedVisit> = {
  ...VISIT_TAGS,
  flags: [...(VISIT_TAGS.flags ?? []), { when: (v) => v.notable, colour: 'gold', label: 'visit.tag.notable' }],
};

/** The stored status, and the derived "report overdue" and "notable" beside it. */
export const VisitTags = ({ visit, notable = true }: { visit: TaggedVisit; notable?: boolean }) => (
  <StatusTags record={visit} tags={notable ? VISIT_TAGS_NOTABLE : VISIT_TAGS} />
);

/** The days of a visit as ISO dates, as everywhere in the app: the one day, or the first and the last (one above the other in narrow columns). */
export const VisitDates = ({ visit, stacked = false }: { visit: Pick<Visit, 'startDate' | 'endDate'>; stacked?: boolean }) => (
  <DateSpan start={visit.startDate} end={visit.endDate} stacked={stacked} />
);

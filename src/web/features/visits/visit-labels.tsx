import { Space, Tag } from 'antd';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { ProtocolLevel, Visit, VisitMember, VisitPurpose, VisitStatus } from '../../../shared/contracts/visits.ts';
import { PROTOCOL_LEVEL_LABELS, VISIT_PURPOSE_LABELS, VISIT_STATUS_LABELS } from '../../../shared/i18n/visit-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** A visit's title in the interface language; French falls back to English, which every visit has. */
export function visitTitle(v: Pick<Visit, 'titleEn' | 'titleZh'>, locale: Locale): string {
  return (locale === 'zh' ? v.titleZh : null) || v.titleEn;
}

/** The host unit's name in the interface language (the visit carries English and Chinese). */
export function hostUnitName(v: Pick<Visit, 'hostUnitNameEn' | 'hostUnitNameZh'>, locale: Locale): string {
  return locale === 'zh' ? v.hostUnitNameZh : v.hostUnitNameEn;
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
export function useVisitLabels() {
  const { locale } = useI18n();
  return {
    status: (status: VisitStatus) => VISIT_STATUS_LABELS[status][locale],
    purpose: (purpose: VisitPurpose) => VISIT_PURPOSE_LABELS[purpose][locale],
    protocolLevel: (level: ProtocolLevel) => PROTOCOL_LEVEL_LABELS[level][locale],
  };
}

const STATUS_COLOURS: Record<VisitStatus, string> = {
  requested: 'processing',
  approved: 'cyan',
  rejected: 'red',
  held: 'blue',
  closed: 'green',
  cancelled: 'default',
};

/** The stored status, and the derived "report overdue" and "notable" beside it. */
export function VisitTags({ visit, notable = true }: { visit: Pick<Visit, 'status' | 'reportOverdue' | 'notable'>; notable?: boolean }) {
  const { t } = useI18n();
  const labels = useVisitLabels();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[visit.status]} data-testid="visit-status">
        {labels.status(visit.status)}
      </Tag>
      {visit.reportOverdue ? (
        <Tag color="orange" data-testid="visit-overdue">
          {t('visit.tag.overdue')}
        </Tag>
      ) : null}
      {notable && visit.notable ? <Tag color="gold">{t('visit.tag.notable')}</Tag> : null}
    </Space>
  );
}

/** The days of a visit as ISO dates, as everywhere in the app: the one day, or the first and the last (one above the other in narrow columns). */
export function VisitDates({ visit: v, stacked = false }: { visit: Pick<Visit, 'startDate' | 'endDate'>; stacked?: boolean }) {
  if (v.startDate === v.endDate) return <span style={{ whiteSpace: 'nowrap' }}>{v.startDate}</span>;
  if (stacked)
    return (
      <span style={{ whiteSpace: 'nowrap', lineHeight: 1.35, display: 'inline-block' }}>
        {v.startDate}
        <br />– {v.endDate}
      </span>
    );
  return <span style={{ whiteSpace: 'nowrap' }}>{`${v.startDate} – ${v.endDate}`}</span>;
}

import { Tag } from 'antd';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { Application, ApplicationStatus, ExchangeKind, Opportunity } from '../../../shared/contracts/exchanges.ts';
import { APPLICATION_STATUS_LABELS, EXCHANGE_KIND_LABELS } from '../../../shared/i18n/exchange-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';

/** The status and kind names the server's exports use too (one source in src/shared). */
export function useExchangeLabels() {
  const { locale } = useI18n();
  return {
    status: (status: ApplicationStatus) => APPLICATION_STATUS_LABELS[status][locale],
    kind: (kind: ExchangeKind) => EXCHANGE_KIND_LABELS[kind][locale],
  };
}

/** An opportunity's title in the interface language; English, which every opportunity has, otherwise. */
export function opportunityTitle(o: Pick<Opportunity, 'titleEn' | 'titleZh' | 'titleFr'>, locale: Locale): string {
  return (locale === 'zh' ? o.titleZh : locale === 'fr' ? o.titleFr : null) || o.titleEn;
}

/** The host institution's name in the interface language. */
export function hostName(item: Pick<Application, 'hostInstitution'>, locale: Locale): string {
  return primaryName(item.hostInstitution, locale);
}

/** The student: the Chinese name when there is one (our students' own script), else the Latin one. */
export function studentName(a: Pick<Application, 'person' | 'personId'>, locale: Locale): string {
  const { familyName, givenName, nameZh } = a.person;
  const latin = [familyName, givenName].filter(Boolean).join(' ');
  return (nameZh && locale !== 'fr' ? nameZh : latin) || `#${a.personId}`;
}

/** An academic year as the office writes it: 2025 → "2025–2026". */
export const academicYearLabel = (year: number) => `${year}–${year + 1}`;

const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  shortlisted: 'cyan',
  selected: 'geekblue',
  waitlisted: 'gold',
  rejected: 'red',
  nominated: 'purple',
  departed: 'blue',
  returned: 'green',
  withdrawn: 'default',
};

/** An application's status as a coloured tag. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const labels = useExchangeLabels();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="application-status">
      {labels.status(status)}
    </Tag>
  );
}

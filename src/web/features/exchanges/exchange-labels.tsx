import type { Locale } from '../../../shared/contracts/common.ts';
import type { Application, ApplicationStatus, Opportunity } from '../../../shared/contracts/exchanges.ts';
import { APPLICATION_STATUS_LABELS, EXCHANGE_KIND_LABELS } from '../../../shared/i18n/exchange-labels.ts';
import { StatusTag, type StatusTagSet } from '../../components/status-tags.tsx';
import { useEnumLabels } from '../../lib/enum-labels.ts';
import { primaryName } from '../../lib/names.ts';

/** The status and kind names the server's exports use too (one source in src/shared). */
export const useExchangeLabels = () => useEnumLabels({ status: APPLICATION_STATUS_LABELS, kind: EXCHANGE_KIND_LABELS });

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

/** An application's status tag: the shared labels and a colour per status. */
const APPLICATION_TAG: StatusTagSet<ApplicationStatus> = {
  labels: APPLICATION_STATUS_LABELS,
  colours: {
    submitted: 'processing',
    shortlisted: 'cyan',
    selected: 'geekblue',
    waitlisted: 'gold',
    rejected: 'red',
    nominated: 'purple',
    departed: 'blue',
    returned: 'green',
    withdrawn: 'default',
  },
  testId: 'application-status',
};

/** An application's status as a coloured tag. */
export const ApplicationStatusTag = ({ status }: { status: ApplicationStatus }) => <StatusTag status={status} tags={APPLICATION_TAG} />;

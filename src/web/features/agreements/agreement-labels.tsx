import type { Agreement, AgreementLevel, AgreementPartner, AgreementStatus } from '../../../shared/contracts/agreements.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { AGREEMENT_KIND_LABELS, AGREEMENT_LEVEL_LABELS, AGREEMENT_STATUS_LABELS } from '../../../shared/i18n/agreement-labels.ts';
import { StatusTags, type StatusTagSet } from '../../components/status-tags.tsx';
import { useEnumLabels } from '../../lib/enum-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** An agreement's title in the interface language (French falls back to English, which every agreement has). */
export function agreementTitle(a: Pick<Agreement, 'titleEn' | 'titleZh' | 'titleFr'>, locale: Locale): string {
  if (locale === 'zh') return a.titleZh;
  if (locale === 'fr') return a.titleFr ?? a.titleEn;
  return a.titleEn;
}

/** A partner's name as recorded, in its own script; the Chinese name for a Chinese interface when there is one. */
export function partnerName(p: Pick<AgreementPartner, 'nameEn' | 'nameZh'>, locale: Locale): string {
  return (locale === 'zh' ? p.nameZh : null) ?? p.nameEn;
}

/** The level, kind and status names the server's exports use too (one source in src/shared). */
export function useAgreementLabels() {
  const { t } = useI18n();
  return {
    ...useEnumLabels({ level: AGREEMENT_LEVEL_LABELS, kind: AGREEMENT_KIND_LABELS, status: AGREEMENT_STATUS_LABELS }),
    /** The level in one word, for tables. */
    levelShort: (level: AgreementLevel) => t(`agr.levelShort.${level}`),
  };
}

/** An agreement's status tag: the shared labels, a colour per status, and "expiring" and "dormant" beside it. */
const AGREEMENT_TAGS: StatusTagSet<AgreementStatus, Pick<Agreement, 'status' | 'expiring' | 'dormant'>> = {
  labels: AGREEMENT_STATUS_LABELS,
  colours: { draft: 'default', under_review: 'processing', approved: 'cyan', signed: 'blue', active: 'green', expired: 'default', terminated: 'red' },
  testId: 'agreement-status',
  flags: [
    { when: (a) => a.expiring, colour: 'orange', label: 'agr.tag.expiring' },
    { when: (a) => a.dormant, colour: 'purple', label: 'agr.tag.dormant' },
  ],
};

/** The stored status, and the derived "expiring" and "dormant" beside it. */
export const AgreementTags = ({ agreement }: { agreement: Pick<Agreement, 'status' | 'expiring' | 'dormant'> }) => (
  <StatusTags record={agreement} tags={AGREEMENT_TAGS} />
);

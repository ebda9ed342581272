import { Space, Tag } from 'antd';
import type { Agreement, AgreementKind, AgreementLevel, AgreementPartner, AgreementStatus } from '../../../shared/contracts/agreements.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { AGREEMENT_KIND_LABELS, AGREEMENT_LEVEL_LABELS, AGREEMENT_STATUS_LABELS } from '../../../shared/i18n/agreement-labels.ts';
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
  const { locale, t } = useI18n();
  return {
    level: (level: AgreementLevel) => AGREEMENT_LEVEL_LABELS[level][locale],
    /** The level in one word, for tables. */
    levelShort: (level: AgreementLevel) => t(`agr.levelShort.${level}`),
    kind: (kind: AgreementKind) => AGREEMENT_KIND_LABELS[kind][locale],
    status: (status: AgreementStatus) => AGREEMENT_STATUS_LABELS[status][locale],
  };
}

const STATUS_COLOURS: Record<AgreementStatus, string> = {
  draft: 'default',
  under_review: 'processing',
  approved: 'cyan',
  signed: 'blue',
  active: 'green',
  expired: 'default',
  terminated: 'red',
};

/** The stored status, and the derived "expiring" and "dormant" beside it. */
export function AgreementTags({ agreement }: { agreement: Pick<Agreement, 'status' | 'expiring' | 'dormant'> }) {
  const { t } = useI18n();
  const labels = useAgreementLabels();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[agreement.status]} data-testid="agreement-status">
        {labels.status(agreement.status)}
      </Tag>
      {agreement.expiring ? <Tag color="orange">{t('agr.tag.expiring')}</Tag> : null}
      {agreement.dormant ? <Tag color="purple">{t('agr.tag.dormant')}</Tag> : null}
    </Space>
  );
}

import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { STAFF_MOBILITY_LABELS, STUDENT_MOBILITY_LABELS } from '../../../shared/i18n/agreement-labels.ts';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { AgreementTags, useAgreementLabels } from './agreement-labels.tsx';
import { AgreementPartners } from './agreement-partners.tsx';
import { TermEnd } from './term-end.tsx';

/** A link to another agreement of the chain of renewals. */
const chainLink = (id: number | null) =>
  id == null ? null : (
    <Link to="/agreements/$id" params={{ id: String(id) }}>
      #{id}
    </Link>
  );

/** An agreement's fields, read-only, with its derived state and its place in a chain of renewals. */
export function AgreementDetails({ agreement: a }: { agreement: Agreement }) {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  const units = useUnitMap();
  const unit = a.unitId == null ? undefined : units.get(a.unitId);
  const months = (n: number) => t('agr.months', { n });
  return (
    <RecordDetails
      record={a}
      labels="agr.field"
      rows={[
        { field: 'status', value: <AgreementTags agreement={a} /> },
        { field: 'termEndsOn', value: <TermEnd agreement={a} /> },
        ...['titleEn', 'titleZh', 'titleFr'],
        { field: 'kind', value: labels.kind(a.kind) },
        { field: 'level', value: labels.level(a.level) },
        { field: 'unitId', value: unit ? primaryName(unit, locale) : null },
        { field: 'partners', wide: true, value: <AgreementPartners partners={a.partners} /> },
        ...['ourSignatory', 'partnerSignatory', 'signedOn', 'effectiveOn'],
        { field: 'expiresOn', value: a.expiresOn ?? <Typography.Text type="secondary">{t('agr.openEnded')}</Typography.Text> },
        'terminatedOn',
        { field: 'autoRenewal', value: a.autoRenewal ? `${t('common.yes')} · ${months(a.renewalTermMonths ?? 0)}` : t('common.no') },
        { field: 'renewalLeadMonths', value: months(a.renewalLeadMonths) },
        ...['studentsInPerYear', 'studentsOutPerYear', 'staffInPerYear', 'staffOutPerYear'],
        { field: 'studentMobility', value: a.studentMobility ? STUDENT_MOBILITY_LABELS[a.studentMobility][locale] : null },
        { field: 'staffMobility', value: a.staffMobility ? STAFF_MOBILITY_LABELS[a.staffMobility][locale] : null },
        { field: 'languageSkills', value: a.languageSkills.length ? a.languageSkills.join(', ') : null },
        'lastActivityOn',
        { field: 'predecessor', label: 'agr.predecessor', value: chainLink(a.predecessorId) },
        { field: 'successor', label: 'agr.successor', value: chainLink(a.successorId) },
      ]}
    />
  );
}

import { Link } from '@tanstack/react-router';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { AgreementTags, useAgreementLabels } from './agreement-labels.tsx';
import { AgreementPartners } from './agreement-partners.tsx';
import { TermEnd } from './term-end.tsx';

/** An agreement's fields, read-only, with its derived state and its place in a chain of renewals. */
export function AgreementDetails({ agreement: a }: { agreement: Agreement }) {
  const { t, locale, formatDateTime } = useI18n();
  const labels = useAgreementLabels();
  const units = useUnitMap();
  const unit = a.unitId == null ? undefined : units.get(a.unitId);
  const text = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : v);
  const link = (id: number | null) =>
    id == null ? text(null) : (
      <Link to="/agreements/$id" params={{ id: String(id) }}>
        #{id}
      </Link>
    );
  const items = [
    { key: 'status', label: t('agr.field.status'), children: <AgreementTags agreement={a} /> },
    { key: 'termEndsOn', label: t('agr.field.termEndsOn'), children: <TermEnd agreement={a} /> },
    { key: 'titleEn', label: t('agr.field.titleEn'), children: a.titleEn },
    { key: 'titleZh', label: t('agr.field.titleZh'), children: a.titleZh },
    { key: 'titleFr', label: t('agr.field.titleFr'), children: text(a.titleFr) },
    { key: 'kind', label: t('agr.field.kind'), children: labels.kind(a.kind) },
    { key: 'level', label: t('agr.field.level'), children: labels.level(a.level) },
    { key: 'unit', label: t('agr.field.unitId'), children: text(unit ? primaryName(unit, locale) : null) },
    { key: 'partners', label: t('agr.field.partners'), span: 'filled' as const, children: <AgreementPartners partners={a.partners} /> },
    { key: 'ourSignatory', label: t('agr.field.ourSignatory'), children: text(a.ourSignatory) },
    { key: 'partnerSignatory', label: t('agr.field.partnerSignatory'), children: text(a.partnerSignatory) },
    { key: 'signedOn', label: t('agr.field.signedOn'), children: text(a.signedOn) },
    { key: 'effectiveOn', label: t('agr.field.effectiveOn'), children: text(a.effectiveOn) },
    { key: 'expiresOn', label: t('agr.field.expiresOn'), children: a.expiresOn ?? <Typography.Text type="secondary">{t('agr.openEnded')}</Typography.Text> },
    { key: 'terminatedOn', label: t('agr.field.terminatedOn'), children: text(a.terminatedOn) },
    {
      key: 'autoRenewal',
      label: t('agr.field.autoRenewal'),
      children: a.autoRenewal ? `${t('common.yes')} · ${t('agr.months', { n: a.renewalTermMonths ?? 0 })}` : t('common.no'),
    },
    { key: 'renewalLeadMonths', label: t('agr.field.renewalLeadMonths'), children: t('agr.months', { n: a.renewalLeadMonths }) },
    { key: 'studentsInPerYear', label: t('agr.field.studentsInPerYear'), children: text(a.studentsInPerYear) },
    { key: 'studentsOutPerYear', label: t('agr.field.studentsOutPerYear'), children: text(a.studentsOutPerYear) },
    { key: 'staffInPerYear', label: t('agr.field.staffInPerYear'), children: text(a.staffInPerYear) },
    { key: 'staffOutPerYear', label: t('agr.field.staffOutPerYear'), children: text(a.staffOutPerYear) },
    { key: 'lastActivityOn', label: t('agr.field.lastActivityOn'), children: text(a.lastActivityOn) },
    { key: 'predecessor', label: t('agr.predecessor'), children: link(a.predecessorId) },
    { key: 'successor', label: t('agr.successor'), children: link(a.successorId) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(a.updatedAt)} · ${t('common.version')} ${a.version}` },
    { key: 'notes', label: t('agr.field.notes'), span: 'filled' as const, children: a.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Visit } from '../../../shared/contracts/visits.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { hostUnitName, VisitDates, VisitTags, useVisitLabels } from './visit-labels.tsx';
import { VisitCountries } from './visit-cells.tsx';

/** A visit's fields, read-only, with its derived states (report due, overdue, notable) and the dates of its steps. */
export function VisitDetails({ visit: v }: { visit: Visit }) {
  const { t, locale, formatDateTime } = useI18n();
  const labels = useVisitLabels();
  const text = (value: ReactNode) => (value === null || value === undefined || value === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : value);
  // the dates of the steps taken, in workflow order
  const steps = (['requestedOn', 'approvedOn', 'rejectedOn', 'heldOn', 'closedOn', 'cancelledOn'] as const).filter((field) => v[field] != null);
  const items = [
    { key: 'status', label: t('visit.field.status'), children: <VisitTags visit={v} /> },
    {
      key: 'reportDueOn',
      label: t('visit.field.reportDueOn'),
      children: <Typography.Text type={v.reportOverdue ? 'warning' : undefined}>{v.reportDueOn}</Typography.Text>,
    },
    { key: 'titleEn', label: t('visit.field.titleEn'), children: v.titleEn },
    { key: 'titleZh', label: t('visit.field.titleZh'), children: text(v.titleZh) },
    { key: 'dates', label: t('visit.dates'), children: <VisitDates visit={v} /> },
    { key: 'purpose', label: t('visit.field.purpose'), children: labels.purpose(v.purpose) },
    { key: 'hostUnit', label: t('visit.field.hostUnitId'), children: hostUnitName(v, locale) },
    { key: 'protocolLevel', label: t('visit.field.protocolLevel'), children: labels.protocolLevel(v.protocolLevel) },
    { key: 'countries', label: t('visit.countries'), children: <VisitCountries visit={v} /> },
    { key: 'receivingOfficial', label: t('visit.field.receivingOfficial'), children: text(v.receivingOfficial) },
    ...steps.map((field) => ({ key: field, label: t(`visit.field.${field}`), children: v[field] })),
    ...(v.reportSubmittedOn ? [{ key: 'reportSubmittedOn', label: t('visit.field.reportSubmittedOn'), children: v.reportSubmittedOn }] : []),
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(v.updatedAt)} · ${t('common.version')} ${v.version}` },
    { key: 'notes', label: t('visit.field.notes'), span: 'filled' as const, children: v.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{v.notes}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Mission } from '../../../shared/contracts/missions.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { DestinationsCell } from './mission-cells.tsx';
import { memberName, MissionDates, MissionTags, unitName, useMissionLabels } from './mission-labels.tsx';

/** A mission's fields, read-only, with its derived states (report due, overdue), its members and the dates of its steps. */
export function MissionDetails({ mission: m }: { mission: Mission }) {
  const { t, locale, formatDateTime } = useI18n();
  const labels = useMissionLabels();
  const text = (value: ReactNode) => (value === null || value === undefined || value === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : value);
  // the dates of the steps taken, in workflow order
  const steps = (['requestedOn', 'approvedOn', 'rejectedOn', 'travelledOn', 'closedOn', 'cancelledOn'] as const).filter((field) => m[field] != null);
  const items = [
    { key: 'status', label: t('mission.field.status'), children: <MissionTags mission={m} /> },
    { key: 'reportDueOn', label: t('mission.field.reportDueOn'), children: <Typography.Text type={m.reportOverdue ? 'warning' : undefined}>{m.reportDueOn}</Typography.Text> },
    { key: 'titleEn', label: t('mission.field.titleEn'), children: m.titleEn },
    { key: 'titleZh', label: t('mission.field.titleZh'), children: text(m.titleZh) },
    { key: 'dates', label: t('mission.dates'), children: <MissionDates mission={m} /> },
    { key: 'purpose', label: t('mission.field.purpose'), children: labels.purpose(m.purpose) },
    { key: 'unit', label: t('mission.field.unitId'), children: unitName(m, locale) },
    { key: 'fundingSource', label: t('mission.field.fundingSource'), children: labels.funding(m.fundingSource) },
    { key: 'destinations', label: t('mission.destinations'), children: <DestinationsCell mission={m} hosts /> },
    {
      key: 'members',
      label: t('mission.members'),
      children: (
        <span data-testid="mission-members">
          {m.members.map((x) => `${memberName(x, locale)}${x.title ? ` (${x.title})` : ''} · ${labels.role(x.role)}`).join('; ')}
        </span>
      ),
    },
    { key: 'approvalDocumentNo', label: t('mission.field.approvalDocumentNo'), children: text(m.approvalDocumentNo) },
    { key: 'invitationReference', label: t('mission.field.invitationReference'), children: text(m.invitationReference) },
    ...steps.map((field) => ({ key: field, label: t(`mission.field.${field}`), children: m[field] })),
    ...(m.reportSubmittedOn ? [{ key: 'reportSubmittedOn', label: t('mission.field.reportSubmittedOn'), children: m.reportSubmittedOn }] : []),
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(m.updatedAt)} · ${t('common.version')} ${m.version}` },
    { key: 'notes', label: t('mission.field.notes'), span: 'filled' as const, children: m.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{m.notes}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

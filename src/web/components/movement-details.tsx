import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { DateSpan } from './date-span.tsx';
import { RecordDetails, type DetailItem } from './record-details.tsx';

/** What a movement (a visit received, a mission sent) shows first and last of its details. */
interface Movement {
  updatedAt: string;
  version: number;
  startDate: string;
  endDate: string;
  reportOverdue: boolean;
  reportDueOn: string;
}

interface MovementDetailsProps {
  kind: 'visit' | 'mission';
  record: Movement;
  /** The status tags, and the purpose and unit (host or sending) as the kind names them. */
  tags: ReactNode;
  purpose: string;
  unit: string;
  /** The kind's own rows, between the unit and the dates of the steps. */
  rows: readonly DetailItem[];
}

/**
 * A visit's or a mission's details: the status tags, the report's due date (in warning once
 * overdue), the titles, the dates, the purpose and the unit; the kind's own rows; and, last, the
 * dates of the steps taken, in workflow order.
 */
export function MovementDetails({ kind, record, tags, purpose, unit, rows }: MovementDetailsProps) {
  const middle = kind === 'visit' ? 'heldOn' : 'travelledOn';
  const steps = ['requestedOn', 'approvedOn', 'rejectedOn', middle, 'closedOn', 'cancelledOn', 'reportSubmittedOn'];
  const head: DetailItem[] = [
    { field: 'status', value: tags },
    { field: 'reportDueOn', value: <Typography.Text type={record.reportOverdue ? 'warning' : undefined}>{record.reportDueOn}</Typography.Text> },
    'titleEn',
    'titleZh',
    { field: 'dates', label: `${kind}.dates`, value: <DateSpan start={record.startDate} end={record.endDate} /> },
    { field: 'purpose', value: purpose },
    { field: kind === 'visit' ? 'hostUnitId' : 'unitId', value: unit },
  ];
  const taken = steps.filter((field) => (record as unknown as Record<string, unknown>)[field] != null);
  return <RecordDetails record={record} labels={`${kind}.field`} rows={[...head, ...rows, ...taken]} />;
}

import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DetailItem } from './record-details.tsx';

/** What a movement (a visit received, a mission sent) shows first and last of its details. */
interface Movement {
  reportOverdue: boolean;
  reportDueOn: string;
}

/**
 * The rows a visit's and a mission's details begin with: the status tags, the report's due date
 * (in warning once overdue), the titles and the dates; and, last, the dates of the steps taken,
 * in workflow order.
 */
export function movementRows<R extends Movement>(kind: 'visit' | 'mission', record: R, show: { tags: ReactNode; dates: ReactNode }) {
  const head: DetailItem[] = [
    { field: 'status', value: show.tags },
    { field: 'reportDueOn', value: <Typography.Text type={record.reportOverdue ? 'warning' : undefined}>{record.reportDueOn}</Typography.Text> },
    'titleEn',
    'titleZh',
    { field: 'dates', label: `${kind}.dates`, value: show.dates },
  ];
  const middle = kind === 'visit' ? 'heldOn' : 'travelledOn';
  const steps = ['requestedOn', 'approvedOn', 'rejectedOn', middle, 'closedOn', 'cancelledOn', 'reportSubmittedOn'];
  const taken: DetailItem[] = steps.filter((field) => (record as Record<string, unknown>)[field] != null);
  return { head, taken };
}

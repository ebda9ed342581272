import { Tag } from 'antd';
import { officeToday } from '../../../shared/calendar.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** The renewal list's horizon: what ends within three months needs attention now. */
const SOON_MONTHS = 3;

/** The date three months after a calendar date, as 'YYYY-MM-DD' (the day clamped to the month's end). */
function monthsAfter(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** An expiry date with "expired" or "expires soon" beside it. */
export function ExpiryDate({ date }: { date: string | null }) {
  const { t } = useI18n();
  if (!date) return <>{t('common.empty')}</>;
  const today = officeToday();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {date}{' '}
      {date < today ? <Tag color="red">{t('exp.doc.expired')}</Tag> : date <= monthsAfter(today, SOON_MONTHS) ? <Tag color="orange">{t('exp.doc.expiresSoon')}</Tag> : null}
    </span>
  );
}

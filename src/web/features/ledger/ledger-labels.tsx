import { Tag } from 'antd';
import type { Direction, Who } from '../../../shared/contracts/ledger.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** Inbound (green) or outbound (blue). */
export function DirectionTag({ direction }: { direction: Direction }) {
  const { t } = useI18n();
  return <Tag color={direction === 'inbound' ? 'green' : 'blue'}>{t(`ledger.direction.${direction}`)}</Tag>;
}

/** Staff, students, visitors or experts. */
export function WhoLabel({ who }: { who: Who }) {
  const { t } = useI18n();
  return <>{t(`ledger.who.${who}`)}</>;
}

/** "2019-01-01 – 2019-12-31", or one date when start and end are the same day. */
export function Period({ start, end }: { start: string; end: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{start === end ? start : `${start} – ${end}`}</span>;
}

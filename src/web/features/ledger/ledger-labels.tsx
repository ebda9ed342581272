import { Tag } from 'antd';
import type { Locale } from '../../../shared/contracts/common.ts';
import { LEDGER_CATEGORIES, type Direction, type Who } from '../../../shared/contracts/ledger.ts';
import { ledgerCategoryLabel } from '../../../shared/i18n/ledger-categories.ts';
import { DateSpan } from '../../components/date-span.tsx';
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

/** What the person-times were for, in the interface language. */
export function CategoryLabel({ category }: { category: string }) {
  const { locale } = useI18n();
  return <>{ledgerCategoryLabel(category, locale)}</>;
}

/** The categories as select options, labelled in a language, in the vocabulary's order. */
export function categoryOptions(locale: Locale) {
  return LEDGER_CATEGORIES.map((c) => ({ value: c, label: ledgerCategoryLabel(c, locale) }));
}

/** "2019-01-01 – 2019-12-31", or one date when start and end are the same day. */
export const Period = ({ start, end }: { start: string; end: string }) => <DateSpan start={start} end={end} />;

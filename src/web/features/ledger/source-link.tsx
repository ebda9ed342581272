import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { LedgerRow } from '../../../shared/contracts/ledger.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';

function Document({ text }: { text: string | null }) {
  return text ? (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
      {text}
    </Typography.Text>
  ) : null;
}

/** The sources that have a page of their own, and the name of their module. */
const SOURCE_PAGES: Partial<Record<string, { to: '/visits/$id' | '/conferences/$id'; name: MessageKey }>> = {
  visit: { to: '/visits/$id', name: 'nav.visits' },
  conference: { to: '/conferences/$id', name: 'nav.conferences' },
};

/**
 * The record a ledger row comes from, as a link to its page where it has one (a visit, a
 * conference): a figure's drill-down ends on the record that made the person-time.
 */
export function SourceLink({ row }: { row: Pick<LedgerRow, 'sourceModule' | 'sourceId' | 'sourceDocument' | 'source'> }) {
  const { t, locale } = useI18n();
  const id = String(row.sourceId);
  const page = SOURCE_PAGES[row.sourceModule];
  const title = row.source ? primaryName({ nameEn: row.source.titleEn, nameZh: row.source.titleZh, nameFr: row.source.titleFr }, locale) : null;
  if (page) {
    return (
      <>
        <Link to={page.to} params={{ id }} data-testid="ledger-source-link">
          {title ?? `${t(page.name)} #${id}`}
        </Link>
        <Document text={row.sourceDocument} />
      </>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {title ?? row.sourceDocument ?? `${row.sourceModule} #${id}`}
    </Typography.Text>
  );
}

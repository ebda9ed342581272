import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { LedgerRow } from '../../../shared/contracts/ledger.ts';
import { useI18n } from '../../lib/i18n.tsx';

function Document({ text }: { text: string | null }) {
  return text ? (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
      {text}
    </Typography.Text>
  ) : null;
}

/**
 * The record a ledger row comes from, as a link to its page where it has one (a visit, a
 * conference): a figure's drill-down ends on the record that made the person-time.
 */
export function SourceLink({ row }: { row: Pick<LedgerRow, 'sourceModule' | 'sourceId' | 'sourceDocument'> }) {
  const { t } = useI18n();
  const id = String(row.sourceId);
  if (row.sourceModule === 'visit') {
    return (
      <>
        <Link to="/visits/$id" params={{ id }} data-testid="ledger-source-link">
          {t('nav.visits')} #{id}
        </Link>
        <Document text={row.sourceDocument} />
      </>
    );
  }
  if (row.sourceModule === 'conference') {
    return (
      <>
        <Link to="/conferences/$id" params={{ id }} data-testid="ledger-source-link">
          {t('nav.conferences')} #{id}
        </Link>
        <Document text={row.sourceDocument} />
      </>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {row.sourceDocument ?? `${row.sourceModule} #${id}`}
    </Typography.Text>
  );
}

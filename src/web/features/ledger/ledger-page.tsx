import { getRouteApi } from '@tanstack/react-router';
import { Card, Tabs } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { AggregatesTab } from './aggregates-tab.tsx';
import { LedgerFiltersBar } from './ledger-filters.tsx';
import { LedgerRowsTable } from './ledger-rows-table.tsx';
import type { LedgerSearch } from './ledger-search.ts';
import { LedgerTotalsBar } from './ledger-totals.tsx';

const route = getRouteApi('/app/ledger');

/** The mobility ledger: filters and totals, the rows (person-times), and the aggregate counts. */
export function LedgerPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: Partial<LedgerSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  const tab = search.tab ?? 'rows';

  return (
    <>
      <PageHeader title={t('nav.ledger')} />
      <LedgerFiltersBar search={search} onChange={update} onReset={() => void navigate({ search: { tab: search.tab } })} />
      <LedgerTotalsBar filters={search} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'aggregates' ? 'aggregates' : undefined })}
          items={[
            { key: 'rows', label: t('ledger.rowsTab'), children: <LedgerRowsTable search={search} onPage={(page, pageSize) => update({ page, pageSize })} /> },
            { key: 'aggregates', label: t('ledger.aggregatesTab'), children: <AggregatesTab /> },
          ]}
        />
      </Card>
    </>
  );
}

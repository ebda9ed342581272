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

/**
 * The mobility ledger. The person-times tab has the filters and the totals over them; the aggregate
 * counts tab lists every aggregate entry (its API takes no filters), so the filters stay on the first tab.
 */
export function LedgerPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: Partial<LedgerSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  const tab = search.tab ?? 'rows';

  return (
    <>
      <PageHeader title={t('nav.ledger')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'aggregates' ? 'aggregates' : undefined })}
          items={[
            {
              key: 'rows',
              label: t('ledger.rowsTab'),
              children: (
                <>
                  <LedgerFiltersBar search={search} onChange={update} onReset={() => void navigate({ search: {} })} />
                  <LedgerTotalsBar filters={search} />
                  <LedgerRowsTable search={search} onPage={(page, pageSize) => update({ page, pageSize })} />
                </>
              ),
            },
            {
              key: 'aggregates',
              label: t('ledger.aggregatesTab'),
              children: <AggregatesTab onShowAsRows={() => void navigate({ search: { aggregate: 'true' } })} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

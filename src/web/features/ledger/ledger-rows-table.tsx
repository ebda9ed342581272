import { Link } from '@tanstack/react-router';
import { Tag } from 'antd';
import type { LedgerRow } from '../../../shared/contracts/ledger.ts';
import { CountryName } from '../../components/country-select.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { personNames } from '../people/person-values.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { useLedgerRows } from './api.ts';
import { CategoryLabel, DirectionTag, Period, WhoLabel } from './ledger-labels.tsx';
import type { LedgerSearch } from './ledger-search.ts';
import { SourceLink } from './source-link.tsx';

interface LedgerRowsTableProps {
  search: LedgerSearch;
  onPage: (page: number, pageSize: number) => void;
}

/** The person-times of the ledger under the page's filters, one row each (aggregates as counts). */
export function LedgerRowsTable({ search, onPage }: LedgerRowsTableProps) {
  const { t, locale, formatNumber } = useI18n();
  const units = useUnitMap();
  const rows = useLedgerRows(search);

  return (
    <PagedTable<LedgerRow> query={rows} at={{ page: search.page ?? 1, pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE }} onPage={onPage}
      sizes={[25, 50, 100, 200]} size="small" scroll={{ x: 1000 }}
      columns={[
        { key: 'period', title: t('aggregate.period'), width: 210, render: (_, r) => <Period start={r.startDate} end={r.endDate} /> },
        { key: 'direction', title: t('ledger.field.direction'), width: 100, render: (_, r) => <DirectionTag direction={r.direction} /> },
        { key: 'who', title: t('ledger.field.who'), width: 100, render: (_, r) => <WhoLabel who={r.who} /> },
        { key: 'category', title: t('ledger.field.category'), width: 190, render: (_, r) => <CategoryLabel category={r.category} /> },
        { key: 'country', title: t('common.country'), width: 160, render: (_, r) => <CountryName code={r.countryCode} /> },
        {
          key: 'unit',
          title: t('common.unit'),
          width: 180,
          render: (_, r) => {
            const unit = r.unitId == null ? undefined : units.get(r.unitId);
            return unit ? primaryName(unit, locale) : t('common.empty');
          },
        },
        { key: 'count', title: t('ledger.field.count'), width: 110, align: 'right', render: (_, r) => formatNumber(r.count) },
        {
          key: 'kind',
          title: t('ledger.field.isAggregate'),
          width: 110,
          render: (_, r) => (r.isAggregate ? <Tag color="gold">{t('ledger.row.aggregate')}</Tag> : <Tag>{t('ledger.row.individual')}</Tag>),
        },
        {
          key: 'source',
          title: t('ledger.field.source'),
          width: 220,
          render: (_, r) => (
            <div style={{ lineHeight: 1.35 }}>
              {r.personId ? (
                <Link to="/people/$id" params={{ id: String(r.personId) }}>
                  {r.person ? personNames(r.person, locale).primary : `${t('nav.people')} #${r.personId}`}
                </Link>
              ) : null}
              <div>
                <SourceLink row={r} />
              </div>
            </div>
          ),
        },
      ]}
    />
  );
}

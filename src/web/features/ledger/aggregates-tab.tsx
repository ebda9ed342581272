import { DeleteOutlined, EditOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Aggregate } from '../../../shared/contracts/ledger.ts';
import { CountryName } from '../../components/country-select.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useDeleteAction } from '../../lib/use-delete-action.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { AggregateFormModal } from './aggregate-form-modal.tsx';
import { useAggregateMutations, useAggregates } from './api.ts';
import { CategoryLabel, DirectionTag, Period, WhoLabel } from './ledger-labels.tsx';

/**
 * Aggregate counts for years without individual records; officers and administrators edit them. All of
 * them, unfiltered: GET /api/ledger/aggregates takes only paging, which the tab says.
 */
export function AggregatesTab({ onShowAsRows }: { onShowAsRows: () => void }) {
  const { t, formatNumber } = useI18n();
  const deleting = useDeleteAction();
  const user = useCurrentUser();
  const [page, setPage] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const aggregates = useAggregates(page.page, page.pageSize);
  const { remove } = useAggregateMutations();
  const [dialog, setDialog] = useState<{ aggregate?: Aggregate } | null>(null);
  const mayWrite = can(user, 'create', 'aggregate');

  const destroy = (a: Aggregate) => deleting(() => remove.mutateAsync({ id: a.id, version: a.version }));

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('aggregate.intro')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="aggregates-unfiltered">
            <FilterOutlined /> {t('aggregate.unfiltered')}{' '}
            <Typography.Link onClick={onShowAsRows}>{t('aggregate.showAsRows')}</Typography.Link>
          </Typography.Paragraph>
        </div>
        {mayWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            {t('aggregate.add')}
          </Button>
        ) : null}
      </Flex>
      <PagedTable<Aggregate> query={aggregates} at={page} onPage={(p, size) => setPage({ page: p, pageSize: size })} size="small" scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (a) => (a.notes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.notes}</Typography.Paragraph> : null), rowExpandable: (a) => Boolean(a.notes) }}
        columns={[
          { key: 'period', title: t('aggregate.period'), width: 210, render: (_, a) => <Period start={a.startDate} end={a.endDate} /> },
          { key: 'direction', title: t('ledger.field.direction'), width: 100, render: (_, a) => <DirectionTag direction={a.direction} /> },
          { key: 'who', title: t('ledger.field.who'), width: 100, render: (_, a) => <WhoLabel who={a.who} /> },
          { key: 'count', title: t('ledger.field.count'), width: 110, align: 'right', render: (_, a) => formatNumber(a.count) },
          { key: 'category', title: t('ledger.field.category'), width: 170, render: (_, a) => <CategoryLabel category={a.category} /> },
          { key: 'country', title: t('common.country'), width: 150, render: (_, a) => <CountryName code={a.countryCode} /> },
          { key: 'source', title: t('ledger.field.sourceDocument'), dataIndex: 'sourceDocument', minWidth: 240 },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            hidden: !mayWrite,
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined />} title={t('action.edit')} aria-label={t('action.edit')} onClick={() => setDialog({ aggregate: a })} />
                <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => destroy(a)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('action.delete')} aria-label={t('action.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {dialog ? <AggregateFormModal aggregate={dialog.aggregate} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

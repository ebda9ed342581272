import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Flex, Select, Table, Tag, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface.js';
import type { INSTITUTION_SORTS} from '../../../shared/contracts/institutions.ts';
import { INSTITUTION_KINDS, type Institution } from '../../../shared/contracts/institutions.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { useInstitutions } from './api.ts';
import { InstitutionName } from './institution-name.tsx';
import type { InstitutionsSearch } from './institutions-search.ts';

const route = getRouteApi('/app/institutions');
type Sort = (typeof INSTITUTION_SORTS)[number];

/** The institutions list: server-side search, kind and country filters, sorting, paging — all in the URL. */
export function InstitutionsPage() {
  const { t, formatDateTime } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data, isFetching, error } = useInstitutions(search);

  const update = (patch: Partial<InstitutionsSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  const sortOrder = (field: Sort) => ((search.sort ?? 'nameEn') === field ? (search.order === 'desc' ? 'descend' : 'ascend') : null);

  const onChange: TableProps<Institution>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Institution> | undefined;
      const field = s?.order ? (s.columnKey as Sort) : undefined;
      update({ sort: field, order: s?.order === 'descend' ? 'desc' : field ? 'asc' : undefined });
    } else {
      update({ page: pagination.current, pageSize: pagination.pageSize });
    }
  };

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('nav.institutions')}
        extra={
          can(user, 'create', 'institution') ? (
            <Link to="/institutions/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('inst.add')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchInput
            key={search.q ?? ''}
            testId="institutions-search"
            defaultValue={search.q}
            placeholder={t('inst.searchPlaceholder')}
            onSearch={(value) => update({ q: value || undefined })}
            width={380}
          />
          <Select
            value={search.kind}
            onChange={(kind) => update({ kind })}
            allowClear
            placeholder={t('inst.allKinds')}
            style={{ width: 220 }}
            options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`inst.kind.${k}`) }))}
          />
          <CountrySelect value={search.country} onChange={(country) => update({ country })} placeholder={t('inst.allCountries')} style={{ width: 240 }} />
          <Button onClick={() => void navigate({ search: {} })}>{t('action.reset')}</Button>
        </Flex>
        <Table<Institution>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          onChange={onChange}
          showSorterTooltip={false}
          pagination={{
            current: search.page ?? 1,
            pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 25, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              key: 'nameEn',
              title: t('inst.name'),
              sorter: true,
              sortOrder: sortOrder('nameEn'),
              render: (_, inst) => (
                <Link to="/institutions/$id" params={{ id: String(inst.id) }}>
                  <InstitutionName institution={inst} />
                </Link>
              ),
            },
            { key: 'kind', title: t('inst.field.kind'), sorter: true, sortOrder: sortOrder('kind'), width: 190, render: (_, inst) => <Tag>{t(`inst.kind.${inst.kind}`)}</Tag> },
            { key: 'countryCode', title: t('common.country'), sorter: true, sortOrder: sortOrder('countryCode'), width: 180, render: (_, inst) => <CountryName code={inst.countryCode} /> },
            { key: 'city', title: t('inst.field.city'), dataIndex: 'city', width: 150, render: (v: string | null) => v ?? t('common.empty') },
            { key: 'erasmusCode', title: t('inst.field.erasmusCode'), dataIndex: 'erasmusCode', width: 140, render: (v: string | null) => v ?? t('common.empty') },
            { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, sortOrder: sortOrder('updatedAt'), width: 180, render: (_, inst) => formatDateTime(inst.updatedAt) },
          ]}
        />
      </Card>
    </>
  );
}

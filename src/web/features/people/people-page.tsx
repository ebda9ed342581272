import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Flex, Table, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface.js';
import type { Person, PERSON_SORTS } from '../../../shared/contracts/people.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { usePeople } from './api.ts';
import type { PeopleSearch } from './people-search.ts';
import { personNames } from './person-values.ts';

const route = getRouteApi('/app/people');
type Sort = (typeof PERSON_SORTS)[number];

/** The people list: search (names in any script, pinyin), nationality and unit filters, in the URL. */
export function PeoplePage() {
  const { t, locale, formatDateTime } = useI18n();
  const user = useCurrentUser();
  const units = useUnitMap();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data, isFetching, error } = usePeople(search);

  const update = (patch: Partial<PeopleSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  const sortOrder = (field: Sort) => ((search.sort ?? 'familyName') === field ? (search.order === 'desc' ? 'descend' : 'ascend') : null);

  const onChange: TableProps<Person>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Person> | undefined;
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
        title={t('nav.people')}
        extra={
          can(user, 'create', 'person') ? (
            <Link to="/people/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('person.add')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchInput
            key={search.q ?? ''}
            testId="people-search"
            defaultValue={search.q}
            placeholder={t('person.searchPlaceholder')}
            onSearch={(value) => update({ q: value || undefined })}
            width={360}
          />
          <CountrySelect value={search.nationality} onChange={(nationality) => update({ nationality })} placeholder={t('person.allNationalities')} style={{ width: 220 }} />
          <UnitSelect value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('person.field.unitId')} style={{ width: 260 }} />
          <Button onClick={() => void navigate({ search: {} })}>{t('action.reset')}</Button>
        </Flex>
        <Table<Person>
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
              key: 'familyName',
              title: t('person.name'),
              sorter: true,
              sortOrder: sortOrder('familyName'),
              render: (_, p) => {
                const { primary, secondary } = personNames(p, locale);
                return (
                  <Link to="/people/$id" params={{ id: String(p.id) }}>
                    <div>{primary}</div>
                    {secondary ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{secondary}</Typography.Text> : null}
                  </Link>
                );
              },
            },
            { key: 'nationality', title: t('person.field.nationality'), sorter: true, sortOrder: sortOrder('nationality'), width: 170, render: (_, p) => <CountryName code={p.nationality} /> },
            { key: 'institution', title: t('person.field.institutionId'), render: (_, p) => p.institutionName ?? t('common.empty') },
            { key: 'title', title: t('person.field.title'), dataIndex: 'title', render: (v: string | null) => v ?? t('common.empty') },
            { key: 'unit', title: t('person.field.unitId'), width: 200, render: (_, p) => { const u = p.unitId == null ? undefined : units.get(p.unitId); return u ? primaryName(u, locale) : t('common.empty'); } },
            { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, sortOrder: sortOrder('updatedAt'), width: 180, render: (_, p) => formatDateTime(p.updatedAt) },
          ]}
        />
      </Card>
    </>
  );
}

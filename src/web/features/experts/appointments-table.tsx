import { Link } from '@tanstack/react-router';
import { Button, Card, Flex, Select, Table } from 'antd';
import { APPOINTMENT_STATUSES, APPOINTMENT_TITLES, type Appointment } from '../../../shared/contracts/appointments.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { listUrlState, type ListNavigate } from '../../lib/list-url-state.ts';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { AppointmentTags, ExpertNameLines, TermText, useAppointmentLabels } from './appointment-labels.tsx';
import { appointmentsApi } from './api.ts';
import type { ExpertsSearch } from './experts-search.ts';

interface AppointmentsTableProps {
  search: ExpertsSearch;
  navigate: ListNavigate<ExpertsSearch>;
  /** The date "in force" is read at (the page's as-of date). */
  asOf: string;
}

/** The appointments behind the figure: search, filters (title, unit, status, in force on the date, country), sort and page in the URL. */
export function AppointmentsTable({ search, navigate, asOf }: AppointmentsTableProps) {
  const { t, locale } = useI18n();
  const labels = useAppointmentLabels();
  const units = useUnitMap();
  const { data, isFetching } = appointmentsApi.useList(search);
  const state = listUrlState<Appointment, ExpertsSearch>(search, navigate, 'startDate');

  return (
    <Card title={t('exp.appointments')} data-testid="appointments-list">
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchInput
          key={search.q ?? ''}
          testId="appointments-search"
          defaultValue={search.q}
          placeholder={t('exp.searchPlaceholder')}
          onSearch={(q) => state.update({ q: q || undefined })}
          width={300}
        />
        <Select
          value={search.title}
          onChange={(title) => state.update({ title })}
          allowClear
          placeholder={t('exp.allTitles')}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          options={APPOINTMENT_TITLES.map((v) => ({ value: v, label: labels.title(v) }))}
        />
        <Select
          value={search.status}
          onChange={(status) => state.update({ status })}
          allowClear
          placeholder={t('agr.allStatuses')}
          style={{ width: 150 }}
          options={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          data-testid="appointments-status-filter"
        />
        <Select
          value={search.inForce}
          onChange={(inForce) => state.update({ inForce })}
          allowClear
          placeholder={t('exp.inForceFilter')}
          style={{ width: 210 }}
          popupMatchSelectWidth={false}
          data-testid="appointments-in-force"
          options={[
            { value: 'true', label: t('exp.inForceOn', { date: asOf }) },
            { value: 'false', label: t('exp.notInForceOn', { date: asOf }) },
          ]}
        />
        <UnitSelect value={search.unitId} onChange={(unitId) => state.update({ unitId })} placeholder={t('agr.allUnits')} style={{ width: 220 }} />
        <CountrySelect value={search.country} onChange={(country) => state.update({ country })} placeholder={t('person.allNationalities')} style={{ width: 200 }} />
        <Button onClick={() => navigate((prev) => ({ asOf: prev.asOf }))}>{t('action.reset')}</Button>
      </Flex>
      <Table<Appointment>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onChange={state.onTableChange}
        showSorterTooltip={false}
        pagination={{
          current: search.page ?? 1,
          pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 25, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={state.columns([
          {
            key: 'familyName',
            sortable: true,
            title: t('exp.expert'),
            render: (_, a) => (
              <Link to="/experts/appointments/$id" params={{ id: String(a.id) }}>
                <ExpertNameLines person={a.person} />
              </Link>
            ),
          },
          { key: 'title', title: t('exp.field.title'), width: 170, render: (_, a) => labels.title(a.title) },
          { key: 'nationality', title: t('person.field.nationality'), width: 160, render: (_, a) => <CountryName code={a.person.nationality} /> },
          {
            key: 'unit',
            title: t('exp.field.unitId'),
            width: 200,
            render: (_, a) => {
              const unit = units.get(a.unitId);
              return unit ? primaryName(unit, locale) : t('common.empty');
            },
          },
          { key: 'startDate', sortable: true, title: t('exp.term'), width: 220, render: (_, a) => <TermText appointment={a} /> },
          { key: 'status', title: t('agr.field.status'), width: 170, render: (_, a) => <AppointmentTags appointment={a} /> },
        ])}
      />
    </Card>
  );
}

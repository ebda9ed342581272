import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, InputNumber, Select, Tag, Typography } from 'antd';
import { APPLICATION_STATUSES, type Application } from '../../../shared/contracts/exchanges.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { DateRangeInput } from '../../components/date-input.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { roleMay } from '../../../shared/policies.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { applicationsApi, applicationsExportUrl } from './api.ts';
import { academicYearLabel, ApplicationStatusTag, hostName, studentName, useExchangeLabels } from './exchange-labels.tsx';
import { validateApplicationsSearch, type ApplicationsSearch } from './exchanges-search.ts';
import { ExchangesTabs } from './exchanges-tabs.tsx';

const route = getRouteApi('/app/exchanges/applications');

/**
 * The students' exchange applications: search, filters (status, academic year, exchange, host,
 * country or region, unit, departed between), all in the URL, so that a fact sheet figure's
 * link (`counted`, `departedFrom`, `departedTo`, `region`, `unitId`) lists exactly what it
 * counts; the same list as CSV or Excel.
 */
export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const labels = useExchangeLabels();
  const user = useCurrentUser();
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const search: ApplicationsSearch = validateApplicationsSearch(route.useSearch());
  const navigate = route.useNavigate();
  const result = applicationsApi.useList(search);

  return (
    <ListPage<Application, ApplicationsSearch>
      title={t('xchg.applications')}
      create={roleMay(user.role, 'exchange', 'create') ? { to: '/exchanges/applications/new', label: t('xchg.addApplication') } : undefined}
      extra={
        <>
          <ExchangesTabs active="applications" />
          {/* plain downloads: the server names the file and writes it in the user's language */}
          <a href={applicationsExportUrl(search, 'csv')} download data-testid="applications-csv">
            <Button icon={<FileTextOutlined />}>{t('xchg.downloadCsv')}</Button>
          </a>
          <a href={applicationsExportUrl(search, 'xlsx')} download data-testid="applications-xlsx">
            <Button icon={<FileExcelOutlined />}>{t('xchg.downloadXlsx')}</Button>
          </a>
        </>
      }
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="appliedOn"
      result={result}
      searchBox={{ testId: 'applications-search', placeholder: t('xchg.searchApplications'), width: 280 }}
      filters={(update) => (
        <>
          {search.opportunityId ? (
            <Tag closable onClose={() => update({ opportunityId: undefined })} style={{ alignSelf: 'center' }} data-testid="applications-opportunity-filter">
              {t('xchg.opportunityFilter')}: #{search.opportunityId}
            </Tag>
          ) : null}
          {search.hostInstitutionId ? (
            <Tag closable onClose={() => update({ hostInstitutionId: undefined })} style={{ alignSelf: 'center' }}>
              {t('xchg.col.host')}: #{search.hostInstitutionId}
            </Tag>
          ) : null}
          <Select
            value={search.status}
            onChange={(status) => update({ status })}
            allowClear
            placeholder={t('xchg.allStatuses')}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            data-testid="applications-status-filter"
          />
          <InputNumber<number>
            value={search.academicYear ?? null}
            onChange={(v) => update({ academicYear: v ?? undefined })}
            placeholder={t('xchg.yearPlaceholder')}
            min={1900}
            max={2100}
            style={{ width: 130 }}
            data-testid="applications-year-filter"
          />
          <UnitSelect value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('xchg.allUnits')} style={{ width: 200 }} />
          <CountrySelect value={search.country} onChange={(country) => update({ country })} placeholder={t('xchg.allCountries')} style={{ width: 200 }} />
          <Select
            value={search.region}
            onChange={(region) => update({ region })}
            allowClear
            placeholder={t('xchg.regionFilter')}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            options={[
              { value: 'false', label: t('xchg.countriesOnly') },
              { value: 'true', label: t('xchg.regionsOnly') },
            ]}
            data-testid="applications-region-filter"
          />
          <Select
            value={search.counted}
            onChange={(counted) => update({ counted })}
            allowClear
            placeholder={t('xchg.countedFilter')}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            options={[
              { value: 'true', label: t('xchg.countedOnly') },
              { value: 'false', label: t('xchg.notCounted') },
            ]}
            data-testid="applications-counted-filter"
          />
          <DateRangeInput value={[search.departedFrom, search.departedTo]} onChange={([departedFrom, departedTo]) => update({ departedFrom, departedTo })} style={{ width: 260 }} />
        </>
      )}
      columns={[
        {
          key: 'familyName',
          sortable: true,
          title: t('xchg.student'),
          minWidth: 170,
          render: (_, a) => (
            <Link to="/exchanges/applications/$id" params={{ id: String(a.id) }} data-testid="application-link">
              {studentName(a, locale)}
            </Link>
          ),
        },
        {
          key: 'host',
          title: t('xchg.col.host'),
          minWidth: 220,
          render: (_, a) => (
            <div style={{ lineHeight: 1.35 }}>
              {hostName(a, locale)}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {a.opportunity.titleEn}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'country', title: t('xchg.col.country'), width: 150, render: (_, a) => <CountryName code={a.hostInstitution.countryCode} /> },
        { key: 'kind', title: t('xchg.col.kind'), width: 170, render: (_, a) => labels.kind(a.opportunity.kind) },
        { key: 'year', title: t('xchg.col.year'), width: 120, render: (_, a) => academicYearLabel(a.opportunity.academicYear) },
        { key: 'status', sortable: true, title: t('xchg.col.status'), width: 150, render: (_, a) => <ApplicationStatusTag status={a.status} /> },
        {
          key: 'departureDate',
          sortable: true,
          title: t('xchg.dates'),
          width: 130,
          render: (_, a) => (
            <span style={{ whiteSpace: 'nowrap', lineHeight: 1.35, display: 'inline-block' }}>
              {a.departureDate ?? t('common.empty')}
              <br />– {a.returnDate ?? t('common.empty')}
            </span>
          ),
        },
        { key: 'appliedOn', sortable: true, title: t('xchg.col.appliedOn'), width: 120, render: (_, a) => a.appliedOn },
      ]}
    />
  );
}

import { getRouteApi, Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import { APPLICATION_STATUSES, type Application } from '../../../shared/contracts/exchanges.ts';
import { CountryName } from '../../components/country-select.tsx';
import { DistinctGroups } from '../../components/distinct-groups.tsx';
import { filtersOf, splitGrouping } from '../../lib/group-search.ts';
import { ListPage } from '../../components/list-page.tsx';
import { roleMay } from '../../../shared/policies.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { DocumentsButton } from '../documents/documents-button.tsx';
import { applicationsApi, applicationsExportUrl } from './api.ts';
import { academicYearLabel, ApplicationStatusTag, hostName, studentName, useExchangeLabels } from './exchange-labels.tsx';
import { validateApplicationsSearch, type ApplicationsSearch } from './exchanges-search.ts';
import { ExchangesTabs } from './exchanges-tabs.tsx';
import { newestFirst } from '../../lib/list-url-state.ts';

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
  const search: ApplicationsSearch = newestFirst(validateApplicationsSearch(route.useSearch()), 'appliedOn');
  const navigate = route.useNavigate();
  const { query, groupBy } = splitGrouping(search);
  const result = applicationsApi.useList(query);

  return (
    <ListPage<Application, ApplicationsSearch>
      title={t('xchg.applications')}
      create={roleMay(user.role, 'exchange', 'create') ? { to: '/exchanges/applications/new', label: t('xchg.addApplication') } : undefined}
      extra={
        <>
          <ExchangesTabs active="applications" />
          {search.hostInstitutionId !== undefined && search.academicYear !== undefined ? (
            <DocumentsButton
              kinds={['nomination_letter']}
              record={{ institutionId: search.hostInstitutionId, academicYear: search.academicYear }}
              label={t('documents.nominationButton')}
              testId="nomination-letter"
            />
          ) : null}
        </>
      }
      above={
        groupBy === 'host' || groupBy === 'hostCountry' ? (
          <DistinctGroups
            grouping={groupBy}
            apiPath="/exchange-applications"
            query={filtersOf(query)}
            name={(a) => (groupBy === 'host' ? hostName(a, locale) : <CountryName code={a.hostInstitution.countryCode} />)}
            onClose={() => void navigate({ search: { ...search, groupBy: undefined } })}
          />
        ) : null
      }
      exports={{ href: (format) => applicationsExportUrl(query, format), testId: 'applications', labels: { csv: 'xchg.downloadCsv', xlsx: 'xchg.downloadXlsx' } }}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="appliedOn"
      result={result}
      searchBox={{ testId: 'applications-search', placeholder: t('xchg.searchApplications'), width: 280 }}
      filters={[
        { type: 'tag', key: 'opportunityId', label: (id) => `${t('xchg.opportunityFilter')}: #${id}`, testId: 'applications-opportunity-filter' },
        { type: 'tag', key: 'hostInstitutionId', label: (id) => `${t('xchg.col.host')}: #${id}` },
        { type: 'select', key: 'status', options: APPLICATION_STATUSES.map((s) => ({ value: s, label: labels.status(s) })), placeholder: t('xchg.allStatuses'), width: 170, testId: 'applications-status-filter' },
        { type: 'year', key: 'academicYear', placeholder: t('xchg.yearPlaceholder'), width: 130, testId: 'applications-year-filter' },
        { type: 'unit', key: 'unitId', placeholder: t('xchg.allUnits'), width: 200 },
        { type: 'place', country: 'country', region: 'region', placeholder: t('xchg.allCountries'), countriesOnly: t('xchg.countriesOnly'), regionsOnly: t('xchg.regionsOnly'), width: 240, testId: 'applications-region-filter' },
        { type: 'flag', key: 'counted', yes: t('xchg.countedOnly'), no: t('xchg.notCounted'), placeholder: t('xchg.countedFilter'), width: 190, testId: 'applications-counted-filter' },
        { type: 'dates', from: 'departedFrom', to: 'departedTo', width: 260 },
      ]}
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

import { getRouteApi, Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import { EXCHANGE_KINDS, type Opportunity } from '../../../shared/contracts/exchanges.ts';
import { roleMay } from '../../../shared/policies.ts';
import { CountryName } from '../../components/country-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { opportunitiesApi } from './api.ts';
import { academicYearLabel, opportunityTitle, useExchangeLabels } from './exchange-labels.tsx';
import { validateOpportunitiesSearch, type OpportunitiesSearch } from './exchanges-search.ts';
import { ExchangesTabs } from './exchanges-tabs.tsx';
import { newestFirst } from '../../lib/list-url-state.ts';

const route = getRouteApi('/app/exchanges/opportunities');

/** The partners' offers of places, by academic year, kind, host, country and unit, with how many are taken. */
export function OpportunitiesPage() {
  const { t, locale } = useI18n();
  const labels = useExchangeLabels();
  const user = useCurrentUser();
  const search: OpportunitiesSearch = newestFirst(validateOpportunitiesSearch(route.useSearch()), 'academicYear');
  const navigate = route.useNavigate();
  const result = opportunitiesApi.useList(search);

  return (
    <ListPage<Opportunity, OpportunitiesSearch>
      title={t('xchg.opportunities')}
      create={roleMay(user.role, 'exchange', 'create') ? { to: '/exchanges/opportunities/new', label: t('xchg.addOpportunity') } : undefined}
      extra={<ExchangesTabs active="opportunities" />}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="academicYear"
      result={result}
      searchBox={{ testId: 'opportunities-search', placeholder: t('xchg.searchOpportunities'), width: 260 }}
      filters={[
        { type: 'year', key: 'academicYear', placeholder: t('xchg.yearPlaceholder'), width: 130, testId: 'opportunities-year-filter' },
        { type: 'select', key: 'kind', options: EXCHANGE_KINDS.map((k) => ({ value: k, label: labels.kind(k) })), placeholder: t('xchg.allKinds'), width: 190 },
        { type: 'unit', key: 'unitId', placeholder: t('xchg.allUnits'), width: 200 },
        { type: 'country', key: 'country', placeholder: t('xchg.allCountries'), width: 200 },
      ]}
      columns={[
        {
          key: 'title',
          title: t('xchg.opportunity'),
          minWidth: 260,
          render: (_, o) => (
            <div style={{ lineHeight: 1.35 }}>
              <Link to="/exchanges/opportunities/$id" params={{ id: String(o.id) }} data-testid="opportunity-link">
                {opportunityTitle(o, locale)}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {labels.kind(o.kind)}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'host', title: t('xchg.col.host'), minWidth: 200, render: (_, o) => primaryName(o.hostInstitution, locale) },
        { key: 'country', title: t('xchg.col.country'), width: 150, render: (_, o) => <CountryName code={o.hostInstitution.countryCode} /> },
        { key: 'academicYear', title: t('xchg.col.year'), width: 120, render: (_, o) => academicYearLabel(o.academicYear) },
        { key: 'places', title: t('xchg.places'), width: 110, render: (_, o) => `${o.placesTaken} / ${o.places}` },
        { key: 'applicants', title: t('xchg.applicants'), width: 110, render: (_, o) => o.applicants },
        { key: 'applicationsCloseOn', title: t('xchg.applicationsClose'), width: 130, render: (_, o) => o.applicationsCloseOn ?? t('common.empty') },
      ]}
    />
  );
}

import { getRouteApi, Link } from '@tanstack/react-router';
import { Tag } from 'antd';
import { HONOUR_KINDS, type Honour } from '../../../shared/contracts/honours.ts';
import { CountryName } from '../../components/country-select.tsx';
import { DistinctGroups } from '../../components/distinct-groups.tsx';
import { filtersOf, splitGrouping } from '../../lib/group-search.ts';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { honoursApi, honoursFileUrl } from './api.ts';
import { awardedByName, dateAsKnown, honourName, HolderName, HonourTitle } from './honour-labels.tsx';
import type { HonoursSearch } from './honours-search.ts';
import { newestFirst } from '../../lib/list-url-state.ts';

const route = getRouteApi('/app/honours');

/** Honours from abroad: search, filters (kind, country, holder's unit, notable, years), all in the URL; CSV and Excel of the same list. */
export function HonoursPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const search = newestFirst(route.useSearch(), 'conferredOn');
  const navigate = route.useNavigate();
  const { query, groupBy } = splitGrouping(search);
  const result = honoursApi.useList(query);

  return (
    <ListPage<Honour, HonoursSearch>
      title={t('nav.honours')}
      create={can(user, 'create', 'honour') ? { to: '/honours/new', label: t('hon.add') } : undefined}
      extra={
        search.asOf ? (
          <Tag closable onClose={() => void navigate({ search: { ...search, asOf: undefined, page: undefined } })} data-testid="honours-as-of">
            {t('hon.asOf', { date: search.asOf })}
          </Tag>
        ) : null
      }
      above={
        groupBy === 'honour' ? (
          <DistinctGroups
            grouping={groupBy}
            apiPath="/honours"
            query={filtersOf(query)}
            name={(h) => [honourName(h, locale), awardedByName(h, locale)].filter(Boolean).join(' — ')}
            onClose={() => void navigate({ search: { ...search, groupBy: undefined } })}
          />
        ) : null
      }
      exports={{ href: (format) => honoursFileUrl(query, format), testId: 'honours', labels: { csv: 'hon.exportCsv', xlsx: 'hon.exportXlsx' }, icon: 'download' }}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="conferredOn"
      result={result}
      searchBox={{ testId: 'honours-search', placeholder: t('hon.searchPlaceholder'), width: 280 }}
      filters={[
        { type: 'select', key: 'kind', options: HONOUR_KINDS.map((k) => ({ value: k, label: t(`honour.kind.${k}` as MessageKey) })), placeholder: t('hon.allKinds'), width: 190, testId: 'honours-kind' },
        { type: 'country', key: 'country', placeholder: t('hon.allCountries'), width: 200 },
        { type: 'unit', key: 'unitId', placeholder: t('agr.allUnits'), width: 200 },
        { type: 'flag', key: 'notable', yes: t('hon.notableOnly'), no: t('hon.notNotable'), placeholder: t('hon.notableFilter'), width: 160, testId: 'honours-notable' },
        { type: 'year', key: 'fromYear', placeholder: t('hon.fromYear'), width: 120 },
        { type: 'year', key: 'toYear', placeholder: t('hon.toYear'), width: 120 },
      ]}
      columns={[
        { key: 'conferredOn', sortable: true, title: t('hon.conferred'), width: 120, render: (_, h) => dateAsKnown(h) },
        {
          key: 'kind',
          sortable: true,
          title: t('hon.honour'),
          render: (_, h) => (
            <Link to="/honours/$id" params={{ id: String(h.id) }}>
              <HonourTitle honour={h} />
            </Link>
          ),
        },
        {
          key: 'familyName',
          sortable: true,
          title: t('hon.holder'),
          width: 220,
          render: (_, h) => (
            <Link to="/people/$id" params={{ id: String(h.personId) }}>
              <HolderName person={h.person} />
            </Link>
          ),
        },
        { key: 'awardedBy', title: t('hon.awardedBy'), width: 260, render: (_, h) => awardedByName(h, locale) ?? t('common.empty') },
        { key: 'country', title: t('hon.field.countryCode'), width: 150, render: (_, h) => <CountryName code={h.countryCode} /> },
      ]}
    />
  );
}

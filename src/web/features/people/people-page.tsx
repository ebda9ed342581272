import { getRouteApi, Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { Person } from '../../../shared/contracts/people.ts';
import { CountryName } from '../../components/country-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { peopleApi } from './api.ts';
import type { PeopleSearch } from './people-search.ts';
import { personNames } from './person-values.ts';

const route = getRouteApi('/app/people');

/** The people list: search (names in any script, pinyin), nationality and unit filters, in the URL. */
export function PeoplePage() {
  const { t, locale, formatDateTime } = useI18n();
  const user = useCurrentUser();
  const units = useUnitMap();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = peopleApi.useList(search);

  return (
    <ListPage<Person, PeopleSearch>
      title={t('nav.people')}
      create={can(user, 'create', 'person') ? { to: '/people/new', label: t('person.add') } : undefined}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="familyName"
      result={result}
      searchBox={{ testId: 'people-search', placeholder: t('person.searchPlaceholder'), width: 360 }}
      filters={[
        { type: 'country', key: 'nationality', placeholder: t('person.allNationalities'), width: 220 },
        { type: 'unit', key: 'unitId', placeholder: t('person.field.unitId'), width: 260 },
      ]}
      columns={[
        {
          key: 'familyName',
          sortable: true,
          title: t('person.name'),
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
        { key: 'nationality', sortable: true, title: t('person.field.nationality'), width: 170, render: (_, p) => <CountryName code={p.nationality} /> },
        { key: 'institution', title: t('person.field.institutionId'), render: (_, p) => p.institutionName ?? t('common.empty') },
        { key: 'title', title: t('person.field.title'), dataIndex: 'title', render: (v: string | null) => v ?? t('common.empty') },
        { key: 'unit', title: t('person.field.unitId'), width: 200, render: (_, p) => { const u = p.unitId == null ? undefined : units.get(p.unitId); return u ? primaryName(u, locale) : t('common.empty'); } },
        { key: 'updatedAt', sortable: true, title: t('common.updatedAt'), width: 180, render: (_, p) => formatDateTime(p.updatedAt) },
      ]}
    />
  );
}

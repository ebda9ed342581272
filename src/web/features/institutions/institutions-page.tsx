import { getRouteApi, Link } from '@tanstack/react-router';
import { Tag } from 'antd';
import { INSTITUTION_KINDS, type Institution } from '../../../shared/contracts/institutions.ts';
import { CountryName } from '../../components/country-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { institutionsApi } from './api.ts';
import { InstitutionName } from './institution-name.tsx';
import type { InstitutionsSearch } from './institutions-search.ts';

const route = getRouteApi('/app/institutions');

/** The institutions list: server-side search, kind and country filters, sorting, paging — all in the URL. */
export function InstitutionsPage() {
  const { t, formatDateTime } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = institutionsApi.useList(search);

  return (
    <ListPage<Institution, InstitutionsSearch>
      title={t('nav.institutions')}
      create={can(user, 'create', 'institution') ? { to: '/institutions/new', label: t('inst.add') } : undefined}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="nameEn"
      result={result}
      searchBox={{ testId: 'institutions-search', placeholder: t('inst.searchPlaceholder'), width: 380 }}
      filters={[
        { type: 'select', key: 'kind', options: INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`inst.kind.${k}`) })), placeholder: t('inst.allKinds'), width: 220 },
        { type: 'country', key: 'country', placeholder: t('inst.allCountries'), width: 240 },
      ]}
      columns={[
        {
          key: 'nameEn',
          sortable: true,
          title: t('inst.name'),
          render: (_, inst) => (
            <Link to="/institutions/$id" params={{ id: String(inst.id) }}>
              <InstitutionName institution={inst} />
            </Link>
          ),
        },
        { key: 'kind', sortable: true, title: t('inst.field.kind'), width: 190, render: (_, inst) => <Tag>{t(`inst.kind.${inst.kind}`)}</Tag> },
        { key: 'countryCode', sortable: true, title: t('common.country'), width: 180, render: (_, inst) => <CountryName code={inst.countryCode} /> },
        { key: 'city', title: t('inst.field.city'), dataIndex: 'city', width: 150, render: (v: string | null) => v ?? t('common.empty') },
        { key: 'erasmusCode', title: t('inst.field.erasmusCode'), dataIndex: 'erasmusCode', width: 140, render: (v: string | null) => v ?? t('common.empty') },
        { key: 'updatedAt', sortable: true, title: t('common.updatedAt'), width: 180, render: (_, inst) => formatDateTime(inst.updatedAt) },
      ]}
    />
  );
}

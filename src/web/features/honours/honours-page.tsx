import { DownloadOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, InputNumber, Select, Space, Tag } from 'antd';
import { HONOUR_KINDS, type Honour } from '../../../shared/contracts/honours.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { honoursApi, honoursFileUrl } from './api.ts';
import { awardedByName, dateAsKnown, HolderName, HonourTitle } from './honour-labels.tsx';
import type { HonoursSearch } from './honours-search.ts';

const route = getRouteApi('/app/honours');

/** Honours from abroad: search, filters (kind, country, holder's unit, notable, years), all in the URL; CSV and Excel of the same list. */
export function HonoursPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = honoursApi.useList(search);

  return (
    <ListPage<Honour, HonoursSearch>
      title={t('nav.honours')}
      create={can(user, 'create', 'honour') ? { to: '/honours/new', label: t('hon.add') } : undefined}
      extra={
        <Space>
          {search.asOf ? (
            <Tag closable onClose={() => void navigate({ search: { ...search, asOf: undefined, page: undefined } })} data-testid="honours-as-of">
              {t('hon.asOf', { date: search.asOf })}
            </Tag>
          ) : null}
          <a href={honoursFileUrl(search, 'csv')} download data-testid="honours-csv">
            <Button icon={<DownloadOutlined />}>{t('hon.exportCsv')}</Button>
          </a>
          <a href={honoursFileUrl(search, 'xlsx')} download data-testid="honours-xlsx">
            <Button icon={<DownloadOutlined />}>{t('hon.exportXlsx')}</Button>
          </a>
        </Space>
      }
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="conferredOn"
      result={result}
      searchBox={{ testId: 'honours-search', placeholder: t('hon.searchPlaceholder'), width: 280 }}
      filters={(update) => (
        <>
          <Select
            value={search.kind}
            onChange={(kind) => update({ kind })}
            allowClear
            placeholder={t('hon.allKinds')}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            options={HONOUR_KINDS.map((k) => ({ value: k, label: t(`honour.kind.${k}` as MessageKey) }))}
            data-testid="honours-kind"
          />
          <CountrySelect value={search.country} onChange={(country) => update({ country })} allowClear placeholder={t('hon.allCountries')} style={{ width: 200 }} />
          <UnitSelect value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('agr.allUnits')} style={{ width: 200 }} allowClear />
          <Select
            value={search.notable}
            onChange={(notable) => update({ notable })}
            allowClear
            placeholder={t('hon.notableFilter')}
            style={{ width: 160 }}
            options={[
              { value: 'true', label: t('hon.notableOnly') },
              { value: 'false', label: t('hon.notNotable') },
            ]}
            data-testid="honours-notable"
          />
          <InputNumber value={search.fromYear} onChange={(v) => update({ fromYear: v ?? undefined })} min={1900} max={2100} placeholder={t('hon.fromYear')} style={{ width: 120 }} />
          <InputNumber value={search.toYear} onChange={(v) => update({ toYear: v ?? undefined })} min={1900} max={2100} placeholder={t('hon.toYear')} style={{ width: 120 }} />
        </>
      )}
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

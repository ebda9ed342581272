import { BellOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Select } from 'antd';
import { AGREEMENT_KINDS, AGREEMENT_LEVELS, AGREEMENT_STATUSES, type Agreement } from '../../../shared/contracts/agreements.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { agreementTitle, AgreementTags, useAgreementLabels } from './agreement-labels.tsx';
import { AgreementPartners } from './agreement-partners.tsx';
import type { AgreementsSearch } from './agreements-search.ts';
import { agreementsApi } from './api.ts';
import { TermEnd } from './term-end.tsx';

const route = getRouteApi('/app/agreements');
const EXPIRING_CHOICES = [3, 6, 12, 24] as const;

/** The agreements list: search, the filters (level, kind, status, country, unit, expiring, dormant), all in the URL. */
export function AgreementsPage() {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = agreementsApi.useList(search);

  return (
    <ListPage<Agreement, AgreementsSearch>
      title={t('nav.agreements')}
      create={can(user, 'create', 'agreement') ? { to: '/agreements/new', label: t('agr.add') } : undefined}
      extra={
        <Link to="/agreements/renewal-watch">
          <Button icon={<BellOutlined />}>{t('agr.renewalWatch')}</Button>
        </Link>
      }
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="termEndsOn"
      result={result}
      searchBox={{ testId: 'agreements-search', placeholder: t('agr.searchPlaceholder'), width: 320 }}
      filters={(update) => (
        <>
          <Select
            value={search.level}
            onChange={(level) => update({ level })}
            allowClear
            placeholder={t('agr.allLevels')}
            style={{ width: 150 }}
            popupMatchSelectWidth={false}
            options={AGREEMENT_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))}
          />
          <Select
            value={search.kind}
            onChange={(kind) => update({ kind })}
            allowClear
            placeholder={t('agr.allKinds')}
            style={{ width: 180 }}
            popupMatchSelectWidth={false}
            options={AGREEMENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          />
          <Select
            value={search.status}
            onChange={(status) => update({ status })}
            allowClear
            placeholder={t('agr.allStatuses')}
            style={{ width: 150 }}
            options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          />
          <CountrySelect value={search.country} onChange={(country) => update({ country })} placeholder={t('inst.allCountries')} style={{ width: 220 }} />
          <UnitSelect value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('agr.allUnits')} style={{ width: 220 }} />
          <Select
            value={search.expiringWithinMonths}
            onChange={(expiringWithinMonths) => update({ expiringWithinMonths })}
            allowClear
            placeholder={t('agr.endingWithin')}
            style={{ width: 200 }}
            options={EXPIRING_CHOICES.map((n) => ({ value: n, label: t('agr.endingWithinMonths', { n }) }))}
          />
          <Select
            value={search.dormant}
            onChange={(dormant) => update({ dormant })}
            allowClear
            placeholder={t('agr.activity')}
            style={{ width: 190 }}
            options={[
              { value: 'true', label: t('agr.dormantOnly') },
              { value: 'false', label: t('agr.activeOnly') },
            ]}
          />
        </>
      )}
      columns={[
        {
          key: 'titleEn',
          sortable: true,
          title: t('agr.title'),
          render: (_, a) => (
            <Link to="/agreements/$id" params={{ id: String(a.id) }}>
              {agreementTitle(a, locale)}
            </Link>
          ),
        },
        { key: 'partners', title: t('agr.partners'), render: (_, a) => <AgreementPartners partners={a.partners} links={false} /> },
        { key: 'level', title: t('agr.field.level'), width: 120, render: (_, a) => labels.levelShort(a.level) },
        { key: 'kind', title: t('agr.field.kind'), width: 170, render: (_, a) => labels.kind(a.kind) },
        { key: 'status', title: t('agr.field.status'), width: 170, render: (_, a) => <AgreementTags agreement={a} /> },
        { key: 'termEndsOn', sortable: true, title: t('agr.field.termEndsOn'), width: 140, render: (_, a) => <TermEnd agreement={a} /> },
      ]}
    />
  );
}

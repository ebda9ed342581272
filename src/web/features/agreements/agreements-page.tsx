import { BellOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button } from 'antd';
import { AGREEMENT_KINDS, AGREEMENT_LEVELS, AGREEMENT_STATUSES, type Agreement } from '../../../shared/contracts/agreements.ts';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useAgreementCells } from './agreement-cells.tsx';
import { useAgreementLabels } from './agreement-labels.tsx';
import type { AgreementsSearch } from './agreements-search.ts';
import { agreementsApi } from './api.ts';
import { newestFirst } from '../../lib/list-url-state.ts';

const route = getRouteApi('/app/agreements');
const EXPIRING_CHOICES = [3, 6, 12, 24] as const;

/** The agreements list: search, the filters (level, kind, status, country, unit, expiring, dormant), all in the URL. */
export function AgreementsPage() {
  const { t } = useI18n();
  const labels = useAgreementLabels();
  const cells = useAgreementCells();
  const user = useCurrentUser();
  const search = newestFirst(route.useSearch(), 'termEndsOn');
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
      filters={[
        { type: 'select', key: 'level', options: AGREEMENT_LEVELS.map((l) => ({ value: l, label: labels.level(l) })), placeholder: t('agr.allLevels'), width: 150 },
        { type: 'select', key: 'kind', options: AGREEMENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) })), placeholder: t('agr.allKinds'), width: 180 },
        { type: 'select', key: 'status', options: AGREEMENT_STATUSES.map((s) => ({ value: s, label: labels.status(s) })), placeholder: t('agr.allStatuses'), width: 150 },
        { type: 'country', key: 'country', placeholder: t('inst.allCountries'), width: 220 },
        { type: 'unit', key: 'unitId', placeholder: t('agr.allUnits'), width: 220 },
        { type: 'select', key: 'expiringWithinMonths', options: EXPIRING_CHOICES.map((n) => ({ value: n, label: t('agr.endingWithinMonths', { n }) })), placeholder: t('agr.endingWithin'), width: 200 },
        { type: 'flag', key: 'dormant', yes: t('agr.dormantOnly'), no: t('agr.activeOnly'), placeholder: t('agr.activity'), width: 190 },
      ]}
      columns={[
        { key: 'titleEn', sortable: true, ...cells.title },
        { key: 'partners', ...cells.partners },
        { key: 'level', title: t('agr.field.level'), width: 120, render: (_, a) => labels.levelShort(a.level) },
        { key: 'kind', width: 170, ...cells.kind },
        { key: 'status', width: 170, ...cells.status },
        { key: 'termEndsOn', sortable: true, width: 140, ...cells.termEndsOn },
      ]}
    />
  );
}

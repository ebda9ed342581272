import { getRouteApi } from '@tanstack/react-router';
import { PROTOCOL_LEVELS, VISIT_PURPOSES, VISIT_STATUSES, type Visit, type VisitPurpose, type VisitStatus } from '../../../shared/contracts/visits.ts';
import { ListPage } from '../../components/list-page.tsx';
import { movementColumns, movementFilters } from '../../components/movement-list.tsx';
import { newestFirst } from '../../lib/list-url-state.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { visitsApi } from './api.ts';
import { VisitCountries, VisitorsCell } from './visit-cells.tsx';
import { hostUnitName, VisitTags, useVisitLabels } from './visit-labels.tsx';
import { validateVisitsSearch, type VisitsSearch } from './visits-search.ts';
import { VisitsTabs } from './visits-tabs.tsx';

const route = getRouteApi('/app/visits');

/**
 * The visits list: search, the filters (status, purpose, host unit, country or region,
 * dates, notable at a protocol threshold, report overdue), newest first, all in the URL.
 */
export function VisitsPage() {
  const { t, locale } = useI18n();
  const labels = useVisitLabels();
  const user = useCurrentUser();
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const raw = validateVisitsSearch(route.useSearch());
  const navigate = route.useNavigate();
  const search = newestFirst(raw, 'startDate');
  const result = visitsApi.useList(search);
  const kinds = { kind: 'visit', statuses: VISIT_STATUSES, purposes: VISIT_PURPOSES, labels, t } as const;

  return (
    <ListPage<Visit, VisitsSearch>
      title={t('nav.visits')}
      create={can(user, 'create', 'visit') ? { to: '/visits/new', label: t('visit.add') } : undefined}
      extra={<VisitsTabs active={raw.notable === 'true' ? 'notable' : 'all'} />}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="startDate"
      result={result}
      searchBox={{ testId: 'visits-search', placeholder: t('visit.searchPlaceholder'), width: 320 }}
      filters={[
        ...movementFilters<VisitsSearch, VisitStatus, VisitPurpose>(kinds),
        { type: 'flag', key: 'notable', yes: t('visit.notableOnly'), no: t('visit.notNotable'), placeholder: t('visit.notability'), width: 150 },
        {
          type: 'select',
          key: 'protocolThreshold',
          options: PROTOCOL_LEVELS.filter((l) => l !== 'other').map((l) => ({ value: l, label: t('visit.thresholdOption', { level: labels.protocolLevel(l) }) })),
          placeholder: t('visit.thresholdOption', { level: labels.protocolLevel('minister') }),
          width: 260,
        },
        { type: 'flag', key: 'overdue', yes: t('visit.overdueOnly'), no: t('visit.notOverdue'), placeholder: t('visit.reportFilter'), width: 190 },
      ]}
      columns={[
        ...movementColumns<Visit, VisitStatus, VisitPurpose>(kinds, locale),
        { key: 'hostUnit', title: t('visit.field.hostUnitId'), width: 170, render: (_, v) => hostUnitName(v, locale) },
        { key: 'visitors', title: t('visit.visitors'), width: 220, render: (_, v) => <VisitorsCell visit={v} /> },
        { key: 'countries', title: t('visit.countries'), width: 150, render: (_, v) => <VisitCountries visit={v} /> },
        { key: 'protocolLevel', sortable: true, title: t('visit.protocolShort'), width: 130, render: (_, v) => labels.protocolLevel(v.protocolLevel) },
        { key: 'status', title: t('visit.field.status'), width: 150, render: (_, v) => <VisitTags visit={v} /> },
      ]}
    />
  );
}

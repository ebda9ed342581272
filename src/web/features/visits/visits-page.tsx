import { getRouteApi, Link } from '@tanstack/react-router';
import { Select, Tag, Typography } from 'antd';
import { PROTOCOL_LEVELS, VISIT_PURPOSES, VISIT_STATUSES, type Visit } from '../../../shared/contracts/visits.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateRangeInput } from '../../components/date-input.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { peopleApi } from '../people/api.ts';
import { personNames } from '../people/person-values.ts';
import { visitsApi } from './api.ts';
import { VisitCountries, VisitorsCell } from './visit-cells.tsx';
import { hostUnitName, VisitDates, visitTitle, VisitTags, useVisitLabels } from './visit-labels.tsx';
import { validateVisitsSearch, type VisitsSearch } from './visits-search.ts';
import { VisitsTabs } from './visits-tabs.tsx';

const route = getRouteApi('/app/visits');

/** The visitor the list is narrowed to (from a person's page), as a tag that lifts the filter. */
function PersonFilterTag({ personId, onClose }: { personId: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { data } = peopleApi.useOne(personId);
  return (
    <Tag closable onClose={onClose} style={{ alignSelf: 'center' }} data-testid="visits-person-filter">
      {t('visit.member.person')}: {data ? personNames(data, locale).primary : `#${personId}`}
    </Tag>
  );
}

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
  // Newest first unless the user sorts otherwise: the office looks for recent visits.
  const search: VisitsSearch = { ...raw, order: raw.order ?? (raw.sort && raw.sort !== 'startDate' ? 'asc' : 'desc') };
  const result = visitsApi.useList(search);

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
      filters={(update) => (
        <>
          {raw.personId ? <PersonFilterTag personId={raw.personId} onClose={() => update({ personId: undefined })} /> : null}
          <Select
            value={raw.status}
            onChange={(status) => update({ status })}
            allowClear
            placeholder={t('visit.allStatuses')}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            options={VISIT_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            data-testid="visits-status-filter"
          />
          <Select
            value={raw.purpose}
            onChange={(purpose) => update({ purpose })}
            allowClear
            placeholder={t('visit.allPurposes')}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            options={VISIT_PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) }))}
          />
          <UnitSelect value={raw.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('visit.allUnits')} style={{ width: 220 }} />
          <CountrySelect value={raw.country} onChange={(country) => update({ country })} placeholder={t('visit.allCountries')} style={{ width: 200 }} />
          <DateRangeInput value={[raw.from, raw.to]} onChange={([from, to]) => update({ from, to })} style={{ width: 260 }} />
          <Select
            value={raw.notable}
            onChange={(notable) => update({ notable })}
            allowClear
            placeholder={t('visit.notability')}
            style={{ width: 150 }}
            options={[
              { value: 'true', label: t('visit.notableOnly') },
              { value: 'false', label: t('visit.notNotable') },
            ]}
          />
          <Select
            value={raw.protocolThreshold}
            onChange={(protocolThreshold) => update({ protocolThreshold })}
            allowClear
            placeholder={t('visit.thresholdOption', { level: labels.protocolLevel('minister') })}
            style={{ width: 260 }}
            popupMatchSelectWidth={false}
            options={PROTOCOL_LEVELS.filter((l) => l !== 'other').map((l) => ({ value: l, label: t('visit.thresholdOption', { level: labels.protocolLevel(l) }) }))}
          />
          <Select
            value={raw.overdue}
            onChange={(overdue) => update({ overdue })}
            allowClear
            placeholder={t('visit.reportFilter')}
            style={{ width: 190 }}
            options={[
              { value: 'true', label: t('visit.overdueOnly') },
              { value: 'false', label: t('visit.notOverdue') },
            ]}
          />
        </>
      )}
      columns={[
        { key: 'startDate', sortable: true, sortDirections: ['descend', 'ascend'], title: t('visit.dates'), width: 125, render: (_, v) => <VisitDates visit={v} stacked /> },
        {
          key: 'titleEn',
          sortable: true,
          title: t('visit.title'),
          minWidth: 260,
          render: (_, v) => (
            <div style={{ lineHeight: 1.35 }}>
              <Link to="/visits/$id" params={{ id: String(v.id) }}>
                {visitTitle(v, locale)}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {labels.purpose(v.purpose)}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'hostUnit', title: t('visit.field.hostUnitId'), width: 170, render: (_, v) => hostUnitName(v, locale) },
        { key: 'visitors', title: t('visit.visitors'), width: 220, render: (_, v) => <VisitorsCell visit={v} /> },
        { key: 'countries', title: t('visit.countries'), width: 150, render: (_, v) => <VisitCountries visit={v} /> },
        { key: 'protocolLevel', sortable: true, title: t('visit.protocolShort'), width: 130, render: (_, v) => labels.protocolLevel(v.protocolLevel) },
        { key: 'status', title: t('visit.field.status'), width: 150, render: (_, v) => <VisitTags visit={v} /> },
      ]}
    />
  );
}

import { WarningOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Typography } from 'antd';
import { CONFERENCE_CLASSIFICATIONS, CONFERENCE_STATUSES, type Conference } from '../../../shared/contracts/conferences.ts';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { conferencesApi } from './api.ts';
import { ClassificationTag, ConferenceTags, conferenceTitle, otherTitle, useConferenceLabels } from './conference-labels.tsx';
import type { ConferencesSearch } from './conferences-search.ts';
import { newestFirst } from '../../lib/list-url-state.ts';

const route = getRouteApi('/app/conferences');

/** Conferences hosted: search, filters (status, host unit, classification, dates, summary overdue), all in the URL. */
export function ConferencesPage() {
  const { t, locale, formatNumber } = useI18n();
  const labels = useConferenceLabels();
  const units = useUnitMap();
  const user = useCurrentUser();
  const search = newestFirst(route.useSearch(), 'startDate');
  const navigate = route.useNavigate();
  const result = conferencesApi.useList(search);

  return (
    <ListPage<Conference, ConferencesSearch>
      title={t('nav.conferences')}
      create={can(user, 'create', 'conference') ? { to: '/conferences/new', label: t('conf.add') } : undefined}
      extra={
        <Link to="/conferences/overdue">
          <Button icon={<WarningOutlined />}>{t('conf.overdueTitle')}</Button>
        </Link>
      }
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="startDate"
      result={result}
      searchBox={{ testId: 'conferences-search', placeholder: t('conf.searchPlaceholder'), width: 300 }}
      filters={[
        { type: 'select', key: 'status', options: CONFERENCE_STATUSES.map((s) => ({ value: s, label: labels.status(s) })), placeholder: t('agr.allStatuses'), width: 170 },
        { type: 'unit', key: 'hostUnitId', placeholder: t('agr.allUnits'), width: 220 },
        { type: 'select', key: 'classification', options: CONFERENCE_CLASSIFICATIONS.map((c) => ({ value: c, label: labels.classification(c) })), placeholder: t('conf.allClassifications'), width: 160 },
        { type: 'dates', from: 'from', to: 'to', placeholder: [t('conf.from'), t('conf.to')] },
        { type: 'flag', key: 'summaryOverdue', yes: t('conf.overdueOnly'), no: t('conf.notOverdue'), placeholder: t('conf.summaryFilter'), width: 190 },
      ]}
      columns={[
        {
          key: 'titleEn',
          sortable: true,
          title: t('conf.title'),
          render: (_, c) => (
            <Link to="/conferences/$id" params={{ id: String(c.id) }}>
              <div style={{ lineHeight: 1.35 }}>
                <div>{conferenceTitle(c, locale)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {otherTitle(c, locale)}
                </Typography.Text>
              </div>
            </Link>
          ),
        },
        { key: 'startDate', sortable: true, title: t('conf.dates'), width: 200, render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.startDate} – {c.endDate}</span> },
        {
          key: 'hostUnit',
          title: t('conf.field.hostUnitId'),
          width: 190,
          render: (_, c) => {
            const unit = units.get(c.hostUnitId);
            return unit ? primaryName(unit, locale) : t('common.empty');
          },
        },
        {
          key: 'scale',
          title: t('conf.scale'),
          width: 150,
          render: (_, c) =>
            c.participants === null && c.foreignParticipants === null
              ? t('common.empty')
              : t('conf.scaleShort', { n: c.participants === null ? '?' : formatNumber(c.participants), foreign: c.foreignParticipants === null ? '?' : formatNumber(c.foreignParticipants) }),
        },
        { key: 'classification', title: t('conf.classification'), width: 110, render: (_, c) => <ClassificationTag classification={c.classification} /> },
        { key: 'status', title: t('agr.field.status'), width: 190, render: (_, c) => <ConferenceTags conference={c} /> },
      ]}
    />
  );
}

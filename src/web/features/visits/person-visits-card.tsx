import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import { TableCard } from '../../components/table-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { usePersonVisits, usePersonVisitTimes } from './api.ts';
import { hostUnitName, VisitDates, visitTitle, VisitTags } from './visit-labels.tsx';

const SHOWN = 50;

/**
 * The visits a person came on, newest first, with how many count as inbound person-times: a
 * professor who came five times shows five visits here and counts five person-times.
 */
export function PersonVisitsCard({ personId }: { personId: number }) {
  const { t, locale, formatNumber } = useI18n();
  const { data, isLoading } = usePersonVisits(personId, SHOWN);
  const times = usePersonVisitTimes(personId);

  return (
    <TableCard
      title={t('visit.personVisits')}
      testId="person-visits"
      loading={isLoading}
      extra={data && data.total > SHOWN ? <Link to="/visits" search={{ personId }}>{t('visit.allOfPerson')}</Link> : null}
      empty={t('visit.personNoVisits')}
      summary={
        <Typography.Paragraph type="secondary" data-testid="person-visits-summary">
          {t('visit.personVisitsSummary', { visits: formatNumber(data?.total ?? 0), times: times === undefined ? '…' : formatNumber(times) })}
        </Typography.Paragraph>
      }
      rows={data?.items ?? []}
      columns={[
        { key: 'dates', title: t('visit.dates'), width: 200, render: (_, v) => <VisitDates visit={v} /> },
        { key: 'title', title: t('visit.title'), render: (_, v) => <Link to="/visits/$id" params={{ id: String(v.id) }}>{visitTitle(v, locale)}</Link> },
        { key: 'role', title: t('visit.member.role'), render: (_, v) => v.members.find((m) => m.personId === personId)?.roleInDelegation ?? t('common.empty') },
        { key: 'hostUnit', title: t('visit.field.hostUnitId'), render: (_, v) => hostUnitName(v, locale) },
        { key: 'status', title: t('visit.field.status'), width: 170, render: (_, v) => <VisitTags visit={v} notable={false} /> },
      ]}
    />
  );
}

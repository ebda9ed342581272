import { Link } from '@tanstack/react-router';
import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../../../shared/contracts/agreements.ts';
import { errorText } from '../../lib/errors.ts';
import { hasMessage, useI18n, type Translate } from '../../lib/i18n.tsx';
import { useTimeline } from '../partners/api.ts';

/** "Agreement signed": the module and the event in the interface language, the raw words for ones not named yet. */
function eventLabel(entry: TimelineEntry, t: Translate): string {
  const moduleKey = `timeline.module.${entry.module}`;
  const eventKey = `timeline.event.${entry.event}`;
  return `${hasMessage(moduleKey) ? t(moduleKey) : entry.module} · ${hasMessage(eventKey) ? t(eventKey) : entry.event.replace(/_/g, ' ')}`;
}

/** The record an entry comes from, where the interface has a page for it. */
function EntryTitle({ entry }: { entry: TimelineEntry }) {
  const { locale } = useI18n();
  const title = (locale === 'zh' ? entry.titleZh : null) ?? entry.titleEn;
  if (entry.module === 'agreements' || entry.module === 'agreement') {
    return (
      <Link to="/agreements/$id" params={{ id: String(entry.sourceId) }}>
        {title}
      </Link>
    );
  }
  return <>{title}</>;
}

/** Everything we did with an institution, newest first: agreements now, visits, missions and the rest as their modules land. */
export function InstitutionTimeline({ institutionId }: { institutionId: number }) {
  const { t, locale } = useI18n();
  const { data, isLoading, error } = useTimeline(institutionId);

  let body;
  if (isLoading) body = <Spin />;
  else if (error) body = <Typography.Text type="danger">{errorText(error, locale)}</Typography.Text>;
  else if (!data?.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  else
    body = (
      <Timeline
        items={data.map((entry, i) => ({
          key: `${entry.module}-${entry.sourceId}-${entry.event}-${i}`,
          content: (
            <div data-testid="timeline-entry">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.date} · {eventLabel(entry, t)}
                {entry.personTimes != null ? ` · ${t('timeline.personTimes', { n: entry.personTimes })}` : ''}
              </Typography.Text>
              <div>
                <EntryTitle entry={entry} />
              </div>
            </div>
          ),
        }))}
      />
    );

  return (
    <Card title={t('timeline.title')} data-testid="institution-timeline">
      {body}
    </Card>
  );
}

import { Alert, App, Button, Card, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCalendarFeed, useNewCalendarFeed } from './api.ts';

/** The feed's absolute address: the server's public one when it has it, else this page's origin. */
const absolute = (created: { url: string | null; path: string }) => created.url ?? `${window.location.origin}${created.path}`;

/** My calendar feed: its address (shown once, when made), a new one (the old stops working), and how to subscribe. */
export function CalendarFeedCard() {
  const { t, locale, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const feed = useCalendarFeed();
  const make = useNewCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);

  const makeNew = async () => {
    try {
      setUrl(absolute(await make.mutateAsync(undefined)));
      void message.success(t('calendar.made.toast'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const state = feed.data;
  const button = (
    <Button type={state?.exists ? 'default' : 'primary'} loading={make.isPending} data-testid="calendar-feed-make" onClick={state?.exists ? undefined : () => void makeNew()}>
      {t(state?.exists ? 'calendar.rotate' : 'calendar.create')}
    </Button>
  );
  return (
    <Card title={t('calendar.title')} data-testid="calendar-feed-card">
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      {!state ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph data-testid="calendar-feed-state">
            {state.exists ? t('calendar.made', { date: formatDateTime(state.createdAt), used: state.lastUsedAt ? formatDateTime(state.lastUsedAt) : t('calendar.never') }) : t('calendar.none')}
          </Typography.Paragraph>
          {state.exists ? (
            <Popconfirm title={t('calendar.rotateConfirm')} onConfirm={() => makeNew()} okButtonProps={{ 'data-testid': 'calendar-feed-confirm' }}>
              {button}
            </Popconfirm>
          ) : (
            button
          )}
        </>
      )}
      {url ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('calendar.copyNow')}
          description={
            <>
              <Typography.Text code copyable data-testid="calendar-feed-url">
                {url}
              </Typography.Text>
              <br />
              <Typography.Link href={url.replace(/^https?:/, 'webcal:')}>{t('calendar.openInApp')}</Typography.Link>
            </>
          }
        />
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('calendar.howTo')}
      </Typography.Title>
      <ul>
        <li>{t('calendar.howTo.outlook')}</li>
        <li>{t('calendar.howTo.google')}</li>
        <li>{t('calendar.howTo.apple')}</li>
      </ul>
    </Card>
  );
}

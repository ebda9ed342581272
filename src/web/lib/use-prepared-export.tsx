import { useCallback } from 'react';
import { DownloadOutlined, LoadingOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import type { ExportView } from '../../shared/contracts/exports.ts';
import { errorMessage } from '../../shared/i18n/errors.ts';
import { api } from './api.ts';
import { errorText } from './errors.ts';
import { exportAskOf } from './export-ask.ts';
import { useI18n } from './i18n.tsx';

const POLL_MS = 1_000;
const GIVE_UP_MS = 30 * 60 * 1000;

/**
 * Starts the file a download link names as a background export, and follows it in a
 * notification: waiting, being written, then its download link (or why it failed). A link the
 * server does not prepare in the background is followed as it is.
 */
export function usePreparedExport(): (href: string, name: string) => Promise<void> {
  const { t, locale } = useI18n();
  const { notification } = App.useApp();
  return useCallback(
    async (href: string, name: string) => {
      const ask = exportAskOf(href);
      if (!ask) {
        window.location.assign(href);
        return;
      }
      let view: ExportView;
      try {
        view = await api.post<ExportView>('/exports', ask);
      } catch (err) {
        notification.error({ message: t('exports.title', { name }), description: errorText(err, locale) });
        return;
      }
      const key = `export-${view.id}`;
      const show = (v: ExportView) => {
        if (v.status === 'done') {
          notification.success({
            key,
            duration: 0,
            message: t('exports.done', { name: v.fileName ?? name }),
            description: (
              <Flex vertical gap={6} data-testid="export-ready">
                <a href={`/api/exports/${v.id}/file`} download data-testid="export-download">
                  <Button type="primary" size="small" icon={<DownloadOutlined />}>
                    {t('exports.download')}
                  </Button>
                </a>
                <Typography.Text type="secondary">{t('exports.kept')}</Typography.Text>
              </Flex>
            ),
          });
        } else if (v.status === 'failed') {
          notification.error({ key, duration: 0, message: t('exports.title', { name }), description: <span data-testid="export-failed">{t('exports.failed', { reason: errorMessage(v.error ?? 'internal', locale) })}</span> });
        } else {
          notification.info({ key, duration: 0, icon: <LoadingOutlined />, message: t('exports.title', { name }), description: <span data-testid="export-progress">{t(v.status === 'running' ? 'exports.running' : 'exports.waiting')}</span> });
        }
      };
      show(view);
      const end = Date.now() + GIVE_UP_MS;
      while ((view.status === 'waiting' || view.status === 'running') && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        try {
          const next = await api.get<ExportView>(`/exports/${view.id}`);
          if (next.status !== view.status) show(next);
          view = next;
        } catch (err) {
          notification.error({ key, duration: 0, message: t('exports.title', { name }), description: errorText(err, locale) });
          return;
        }
      }
    },
    [t, locale, notification],
  );
}

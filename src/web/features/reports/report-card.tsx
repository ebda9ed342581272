import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { usePreparedExport } from '../../lib/use-prepared-export.tsx';
import { reportUrl, useReportHtml, type ReportParams } from './api.ts';
import { ReportHtml } from './report-html.tsx';

const FORMATS = ['md', 'html', 'pdf'] as const;

/** Links to a report as Markdown, HTML and PDF, written by the server in the report's language; the PDF is prepared in the background. */
function Downloads({ params }: { params: ReportParams }) {
  const { t } = useI18n();
  const prepare = usePreparedExport();
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text type="secondary">{t('reports.download')}</Typography.Text>
      {FORMATS.map((format) => (
        <a
          key={format}
          href={reportUrl(params, format)}
          download
          data-testid={`report-download-${format}`}
          onClick={(event) => {
            if (format !== 'pdf') return;
            event.preventDefault();
            void prepare(reportUrl(params, format), 'PDF');
          }}
        >
          <Button size="small" icon={<DownloadOutlined />}>
            {format.toUpperCase()}
          </Button>
        </a>
      ))}
    </Flex>
  );
}

interface ReportCardProps {
  params: ReportParams;
  /** A line above the report (the as-of date). */
  note?: ReactNode;
  /** What to show when the server does not give the report (yet). */
  fallback?: ReactNode;
  testId: string;
}

/** A written report in its chosen language, its downloads, and what to show while it is missing. */
export function ReportCard({ params, note, fallback, testId }: ReportCardProps) {
  const { t } = useI18n();
  const { data, error, isLoading, isFetching } = useReportHtml(params);
  return (
    <Card extra={<Downloads params={params} />} title={note} loading={false}>
      {error && !data ? (
        <Flex vertical gap={16}>
          <Alert type="warning" showIcon title={t('reports.notYet')} />
          {fallback}
        </Flex>
      ) : isLoading ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <div style={{ opacity: isFetching ? 0.6 : 1, maxWidth: 900 }}>
          <ReportHtml html={data ?? ''} testId={testId} />
        </div>
      )}
    </Card>
  );
}

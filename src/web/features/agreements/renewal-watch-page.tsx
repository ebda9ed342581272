import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Empty, Flex, InputNumber, Table, Typography } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { agreementTitle, AgreementTags, useAgreementLabels } from './agreement-labels.tsx';
import { AgreementPartners } from './agreement-partners.tsx';
import { renewalWatchUrl, useRenewalWatch } from './api.ts';
import { TermEnd } from './term-end.tsx';

const route = getRouteApi('/app/agreements/renewal-watch');
const DEFAULT_MONTHS = 12;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from one calendar date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** What ends in the next N months (12 unless asked), soonest first, and the same as CSV or Excel. */
export function RenewalWatchPage() {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  const units = useUnitMap();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const months = search.months ?? DEFAULT_MONTHS;
  const { data, isFetching, error } = useRenewalWatch(months);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('agr.renewalWatch')}
        subtitle={t('agr.watchSubtitle', { months })}
        extra={
          <>
            <BackLink to="/agreements" />
            {/* plain downloads: the server names the file and writes it in the user's language */}
            <a href={renewalWatchUrl(months, 'csv')} download data-testid="renewal-watch-csv">
              <Button icon={<FileTextOutlined />}>{t('agr.downloadCsv')}</Button>
            </a>
            <a href={renewalWatchUrl(months, 'xlsx')} download data-testid="renewal-watch-xlsx">
              <Button icon={<FileExcelOutlined />}>{t('agr.downloadXlsx')}</Button>
            </a>
          </>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('agr.watchMonths')}</Typography.Text>
          <InputNumber
            min={1}
            max={60}
            value={months}
            onChange={(value) => void navigate({ search: value && value !== DEFAULT_MONTHS ? { months: value } : {} })}
            data-testid="renewal-watch-months"
          />
        </Flex>
        <Table<Agreement>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agr.watchEmpty')} /> }}
          data-testid="renewal-watch-table"
          columns={[
            {
              key: 'termEndsOn',
              title: t('agr.field.termEndsOn'),
              width: 150,
              render: (_, a) => (
                <>
                  <TermEnd agreement={a} />
                  {data && a.termEndsOn ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('agr.daysLeft', { days: daysBetween(data.asOf, a.termEndsOn) })}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              key: 'title',
              title: t('agr.title'),
              render: (_, a) => (
                <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                  {agreementTitle(a, locale)}
                </Link>
              ),
            },
            { key: 'partners', title: t('agr.partners'), render: (_, a) => <AgreementPartners partners={a.partners} links={false} /> },
            {
              key: 'level',
              title: t('agr.field.level'),
              width: 160,
              render: (_, a) => {
                const unit = a.unitId == null ? undefined : units.get(a.unitId);
                return unit ? `${labels.levelShort(a.level)} · ${primaryName(unit, locale)}` : labels.levelShort(a.level);
              },
            },
            { key: 'kind', title: t('agr.field.kind'), width: 170, render: (_, a) => labels.kind(a.kind) },
            { key: 'status', title: t('agr.field.status'), width: 160, render: (_, a) => <AgreementTags agreement={a} /> },
          ]}
        />
      </Card>
    </>
  );
}

import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Card, Empty, Flex, InputNumber, Table, Tag, Typography, Button } from 'antd';
import type { RenewalItem } from '../../../shared/contracts/appointments.ts';
import { RENEWAL_ITEM_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { CountryName } from '../../components/country-select.tsx';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { ExpertNameLines, useAppointmentLabels } from './appointment-labels.tsx';
import { renewalListUrl, useRenewalList } from './api.ts';

const route = getRouteApi('/app/experts/renewals');
/** The server's default: three months ahead leaves time to renew a term or a work permit. */
const DEFAULT_MONTHS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from one calendar date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Terms ending and expert documents expiring within N months, soonest first, and the same as CSV or Excel. */
export function RenewalsPage() {
  const { t, locale } = useI18n();
  const labels = useAppointmentLabels();
  const units = useUnitMap();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const months = search.months ?? DEFAULT_MONTHS;
  const { data, isFetching, error } = useRenewalList(months);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('exp.renewals')}
        subtitle={t('exp.renewalsSubtitle', { months })}
        extra={
          <>
            <BackLink to="/experts" />
            {/* plain downloads: the server names the file and writes it in the user's language */}
            <a href={renewalListUrl(months, 'csv')} download data-testid="expert-renewals-csv">
              <Button icon={<FileTextOutlined />}>{t('agr.downloadCsv')}</Button>
            </a>
            <a href={renewalListUrl(months, 'xlsx')} download data-testid="expert-renewals-xlsx">
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
            data-testid="expert-renewals-months"
          />
        </Flex>
        <Table<RenewalItem>
          rowKey={(i) => `${i.type}-${i.appointmentId ?? ''}-${i.documentId ?? ''}`}
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exp.renewalsEmpty')} /> }}
          data-testid="expert-renewals-table"
          columns={[
            {
              key: 'dueOn',
              title: t('exp.dueOn'),
              width: 140,
              render: (_, i) => (
                <>
                  {i.dueOn}
                  {data ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('agr.daysLeft', { days: daysBetween(data.asOf, i.dueOn) })}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              key: 'type',
              title: t('exp.what'),
              width: 170,
              render: (_, i) => <Tag color={i.type === 'appointment' ? 'blue' : 'gold'}>{RENEWAL_ITEM_LABELS[i.type][locale]}</Tag>,
            },
            {
              key: 'expert',
              title: t('exp.expert'),
              render: (_, i) => (
                <Link to="/people/$id" params={{ id: String(i.personId) }}>
                  <ExpertNameLines person={i.person} />
                </Link>
              ),
            },
            { key: 'nationality', title: t('person.field.nationality'), width: 150, render: (_, i) => <CountryName code={i.person.nationality} /> },
            {
              key: 'item',
              title: t('exp.titleOrDocument'),
              width: 200,
              render: (_, i) => {
                const text = i.documentKind ? labels.documentKind(i.documentKind) : i.title ? labels.title(i.title) : t('common.empty');
                return i.appointmentId ? (
                  <Link to="/experts/appointments/$id" params={{ id: String(i.appointmentId) }}>
                    {text}
                  </Link>
                ) : (
                  text
                );
              },
            },
            {
              key: 'unit',
              title: t('exp.field.unitId'),
              width: 190,
              render: (_, i) => {
                const unit = i.unitId == null ? undefined : units.get(i.unitId);
                return unit ? primaryName(unit, locale) : t('common.empty');
              },
            },
            {
              key: 'successor',
              title: t('exp.renewalProposed'),
              width: 150,
              render: (_, i) =>
                i.successorId ? (
                  <Link to="/experts/appointments/$id" params={{ id: String(i.successorId) }}>
                    #{i.successorId}
                  </Link>
                ) : (
                  t('common.empty')
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}

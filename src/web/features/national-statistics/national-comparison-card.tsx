import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import type { ComparisonRow, LevelCounts } from '../../../shared/contracts/national-statistics.ts';
import { CountryName } from '../../components/country-select.tsx';
import { ApiError } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useMoeTwUpload, useNationalComparison, useNationalYears } from './api.ts';

const LEVELS = ['bachelor', 'master', 'doctorate', 'other', 'total'] as const satisfies ReadonlyArray<keyof LevelCounts>;
type Row = ComparisonRow & { id: string };

/** What an upload came to: the lines stored, or the refusal with each line and reason as the server words them. */
type Outcome = { ok: true; file: string; rows: number } | { ok: false; file: string; message: string; lines: string[] };

/**
 * The office beside Taiwan's national figures for an academic year, by country or region and
 * level, with the office's share; the office uploads the ministry's yearly files here (each
 * replaces that year's file of its kind).
 */
export function NationalComparisonCard() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const years = useNationalYears();
  const [chosen, setChosen] = useState<string | undefined>();
  const year = chosen ?? years.data?.items[0]?.year;
  const comparison = useNationalComparison(year);
  const upload = useMoeTwUpload();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : locale === 'fr' ? 'fr-FR' : 'en-GB');
  const percent = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 2 });

  const onFile = async (file: File) => {
    try {
      const result = await upload.mutateAsync(file);
      setOutcome({ ok: true, file: file.name, rows: result.files.reduce((n, f) => n + f.rows, 0) });
      setChosen(result.summary.year);
    } catch (error) {
      setOutcome({ ok: false, file: file.name, message: errorText(error, locale), lines: error instanceof ApiError ? error.fields.map((f) => f.message) : [] });
    }
  };

  const levelColumns = (side: 'office' | 'national'): TableColumnsType<Row> =>
    LEVELS.filter((l) => side === 'national' || l !== 'other').map((level) => ({
      key: `${side}.${level}`,
      title: t(`nat.${level}` as MessageKey),
      align: 'right' as const,
      render: (_: unknown, r: Row) => number.format(r[side][level]),
    }));
  const columns: TableColumnsType<Row> = [
    { key: 'country', title: t('nat.country'), render: (_, r) => <CountryName code={r.countryCode} /> },
    { key: 'office', title: t('nat.office'), children: levelColumns('office') },
    { key: 'national', title: t('nat.national'), children: levelColumns('national') },
    { key: 'share', title: t('nat.share'), align: 'right', render: (_, r) => (r.share === null ? '—' : percent.format(r.share)) },
  ];
  const data = comparison.data;
  const summary = data?.summary;

  return (
    <Card
      title={t('nat.title')}
      data-testid="national-comparison"
      loading={years.isLoading}
      extra={
        <Space wrap>
          {years.data && years.data.items.length > 0 ? (
            <Select
              aria-label={t('nat.year')}
              style={{ minWidth: 160 }}
              value={year}
              onChange={setChosen}
              options={years.data.items.map((y) => ({ value: y.year, label: t('nat.yearOption', { year: y.year, western: `${Number(y.year) + 1911}/${String(Number(y.year) + 1912).slice(-2)}` }) }))}
            />
          ) : null}
          {can(user, 'create', 'national_statistics') ? (
            <Upload
              maxCount={1}
              accept=".csv,.xlsx"
              showUploadList={false}
              beforeUpload={(f) => {
                void onFile(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="national-upload">
                {t('nat.upload')}
              </Button>
            </Upload>
          ) : null}
        </Space>
      }
    >
      {outcome ? (
        outcome.ok ? (
          <Alert type="success" showIcon closable onClose={() => setOutcome(null)} style={{ marginBottom: 12 }} message={t('nat.imported', { file: outcome.file, rows: number.format(outcome.rows) })} />
        ) : (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setOutcome(null)}
            style={{ marginBottom: 12 }}
            data-testid="national-refused"
            message={`${t('nat.refused', { file: outcome.file })} ${outcome.message}`}
            description={outcome.lines.length > 0 ? <ul style={{ margin: 0 }}>{outcome.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
          />
        )
      ) : null}
      {!year ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nat.none')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data && summary ? (
            <>
              <Typography.Text>
                {t('nat.summary', { foreign: number.format(summary.foreign.students), countries: summary.foreign.countries, overseas: number.format(summary.overseasChinese), hk: number.format(summary.hongKong), mo: number.format(summary.macao) })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('nat.asOf', { date: data.asOf })}</Typography.Text>
              {summary.foreign.unmatched.length > 0 ? <Typography.Text type="secondary">{t('nat.unmatched', { names: summary.foreign.unmatched.join('、') })}</Typography.Text> : null}
            </>
          ) : null}
          <Table<Row>
            rowKey="id"
            size="small"
            bordered
            loading={comparison.isLoading}
            dataSource={(data?.rows ?? []).map((r) => ({ ...r, id: r.countryCode }))}
            columns={columns}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: true }}
            summary={() =>
              data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('nat.allCountries')}</Table.Summary.Cell>
                  {LEVELS.filter((l) => l !== 'other').map((l, i) => (
                    <Table.Summary.Cell key={`o${l}`} index={1 + i} align="right">
                      {number.format(data.totals.office[l])}
                    </Table.Summary.Cell>
                  ))}
                  {LEVELS.map((l, i) => (
                    <Table.Summary.Cell key={`n${l}`} index={5 + i} align="right">
                      {number.format(data.totals.national[l])}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={10} align="right">
                    {data.totals.share === null ? '—' : percent.format(data.totals.share)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Space>
      )}
    </Card>
  );
}

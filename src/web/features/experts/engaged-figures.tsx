import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import type { AppointmentTitle, ExpertsEngaged } from '../../../shared/contracts/appointments.ts';
import { EChart } from '../../components/echart.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryMap } from '../../lib/lookups.ts';
import { countryName } from '../../lib/names.ts';
import { useAppointmentLabels } from './appointment-labels.tsx';

/** How many countries the chart names; the rest are one bar, so that the chart stays readable. */
const TOP_COUNTRIES = 12;

interface EngagedFiguresProps {
  figures?: ExpertsEngaged;
  /** A bar was clicked: list the appointments behind it. */
  onTitle: (title: AppointmentTitle) => void;
  onCountry: (country: string) => void;
}

/** A horizontal bar chart of a few labelled counts; the text stays in the page (SVG). */
function BarList({ labels, values, onClick, testId }: { labels: string[]; values: number[]; onClick: (index: number) => void; testId: string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // the first item on top
      yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false } },
      series: [{ type: 'bar', data: values, barMaxWidth: 18, itemStyle: { color: '#1f5fa8' }, label: { show: true, position: 'right' } }],
    }),
    [labels, values],
  );
  return (
    <div data-testid={testId}>
      <EChart option={option} height={Math.max(160, labels.length * 28 + 24)} renderer="svg" onClick={(event) => onClick(event.dataIndex)} />
    </div>
  );
}

/** "N experts engaged" on the date, from how many places, how many ever; by title and by country or region. */
export function EngagedFigures({ figures, onTitle, onCountry }: EngagedFiguresProps) {
  const { t, locale, formatNumber } = useI18n();
  const labels = useAppointmentLabels();
  const countries = useCountryMap();

  const byCountry = useMemo(() => {
    const list = figures?.byCountry ?? [];
    const named = list.filter((c) => c.countryCode !== null).slice(0, TOP_COUNTRIES);
    const rest = list.filter((c) => !named.includes(c)).reduce((n, c) => n + c.experts, 0);
    const name = (code: string) => {
      const country = countries.get(code);
      return country ? countryName(country, locale) : code;
    };
    return {
      codes: named.map((c) => c.countryCode),
      labels: [...named.map((c) => name(c.countryCode!)), ...(rest ? [t('exp.otherPlaces')] : [])],
      values: [...named.map((c) => c.experts), ...(rest ? [rest] : [])],
    };
  }, [figures, countries, locale, t]);

  if (!figures) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }

  const regions = figures.countriesAndRegions - figures.countries;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="experts-headline">
            {t('exp.headline', { n: formatNumber(figures.engaged), date: figures.asOf })}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="experts-headline-detail">
            {t('exp.headlineDetail', {
              places: formatNumber(figures.countriesAndRegions),
              countries: formatNumber(figures.countries),
              regions: formatNumber(regions),
            })}
            {' · '}
            {t('exp.engagedSince', { n: formatNumber(figures.engagedSince) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('exp.byTitle')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('exp.chartHint')}</Typography.Text>}>
          <BarList
            testId="experts-by-title"
            labels={figures.byTitle.map((b) => labels.title(b.title))}
            values={figures.byTitle.map((b) => b.experts)}
            onClick={(i) => {
              const title = figures.byTitle[i]?.title;
              if (title) onTitle(title);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('exp.byCountry')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('exp.chartHint')}</Typography.Text>}>
          {byCountry.values.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exp.noneEngaged')} />
          ) : (
            <BarList
              testId="experts-by-country"
              labels={byCountry.labels}
              values={byCountry.values}
              onClick={(i) => {
                const code = byCountry.codes[i];
                if (code) onCountry(code);
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

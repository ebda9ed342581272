import { getRouteApi } from '@tanstack/react-router';
import { Flex, Segmented, Select, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/contracts/common.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { FigureCards } from '../dashboard/figure-cards.tsx';
import { useFigures } from './api.ts';
import { ReportCard } from './report-card.tsx';
import { academicYearOf, type ReportsSearch } from './reports-search.ts';

const route = getRouteApi('/app/reports');

const LANGUAGES: { value: Locale; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'zh', label: '中文' },
  { value: 'fr', label: 'Français' },
];

/**
 * Reports: the fact sheet that rewrites the seed from the records, and the year in review of an
 * academic year with the change against the year before; both written by the server in the chosen
 * language, every figure a link to its records, and downloadable as Markdown, HTML and PDF.
 */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: Partial<ReportsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const lang = search.lang ?? locale;
  const tab = search.tab ?? 'factsheet';
  const lastYear = academicYearOf(new Date()) - 1;
  const year = search.year ?? lastYear;
  const figures = useFigures({ asOf: search.asOf, unitId: search.unitId });
  const confined = user.role === 'coordinator';
  const years = Array.from({ length: lastYear + 1 - 1980 + 1 }, (_, i) => lastYear + 1 - i);

  const factSheet = (
    <ReportTab label={t('reports.asOf')} control={<DateInput value={search.asOf ?? figures.data?.asOf} onChange={(asOf) => update({ asOf })} allowClear data-testid="report-as-of" />}>
      <ReportCard
        testId="fact-sheet"
        params={{ kind: 'factsheet', lang, asOf: search.asOf, unitId: search.unitId }}
        note={figures.data ? <span data-testid="report-as-of-line">{t('reports.asOfLine', { date: figures.data.asOf })}</span> : null}
        fallback={<FigureCards figures={figures.data?.figures} loading={figures.isLoading} error={figures.error} />}
      />
    </ReportTab>
  );
  const yearOptions = years.map((y) => ({ value: y, label: t('reports.academicYearLabel', { from: y, to: y + 1 }) }));
  const yearInReview = (
    <ReportTab
      label={t('reports.academicYear')}
      control={<Select aria-label={t('reports.academicYear')} value={year} onChange={(value) => update({ year: value })} style={{ width: 320 }} showSearch={{ optionFilterProp: 'label' }} options={yearOptions} data-testid="report-year" />}
    >
      <ReportCard testId="year-in-review" params={{ kind: 'year-in-review', lang, year, unitId: search.unitId }} />
    </ReportTab>
  );
  const tabs = [
    { key: 'factsheet', label: t('reports.factSheet'), children: factSheet },
    { key: 'year', label: t('reports.yearInReview'), children: yearInReview },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.reports')}
        subtitle={t('reports.subtitle')}
        extra={
          <>
            <Segmented<Locale> value={lang} onChange={(value) => update({ lang: value })} options={LANGUAGES} aria-label={t('reports.language')} data-testid="report-lang" />
            {confined ? null : (
              <UnitSelect value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('dash.filter.unit')} style={{ width: 240 }} />
            )}
          </>
        }
      />
      <Tabs activeKey={tab} onChange={(key) => update({ tab: key === 'year' ? 'year' : undefined })} items={tabs} />
    </>
  );
}

/** A report's tab: what the report is of (a date, a year) above the report. */
function ReportTab({ label, control, children }: { label: string; control: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Typography.Text>{label}</Typography.Text>
        {control}
      </Flex>
      {children}
    </Flex>
  );
}

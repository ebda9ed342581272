import { getRouteApi, Link } from '@tanstack/react-router';
import { Card, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { BackLink } from '../../components/back-link.tsx';
import { CountryName } from '../../components/country-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { ErrorPage, LoadingPage } from '../../components/status-pages.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { applicationsApi, useApplicationTransition } from './api.ts';
import { APPLICATION_WORKFLOW } from './application-workflow.ts';
import { academicYearLabel, ApplicationStatusTag, hostName, studentName, useExchangeLabels } from './exchange-labels.tsx';

const route = getRouteApi('/app/exchanges/applications/$id');

/** One student's exchange application: its details, the workflow steps allowed, its history. */
export function ApplicationPage() {
  const { t, locale, formatDateTime } = useI18n();
  const labels = useExchangeLabels();
  const id = Number(route.useParams().id);
  const { data: a, error, isPending } = applicationsApi.useOne(id);
  if (error) return <ErrorPage error={error} />;
  if (isPending) return <LoadingPage />;

  const text = (value: ReactNode) => (value === null || value === undefined || value === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : value);
  const items = [
    { key: 'status', label: t('xchg.col.status'), children: <ApplicationStatusTag status={a.status} /> },
    { key: 'student', label: t('xchg.student'), children: <Link to="/people/$id" params={{ id: String(a.personId) }}>{studentName(a, locale)}</Link> },
    {
      key: 'exchange',
      label: t('xchg.opportunity'),
      children: (
        <Link to="/exchanges/opportunities/$id" params={{ id: String(a.opportunityId) }}>
          {a.opportunity.titleEn}
        </Link>
      ),
    },
    { key: 'kind', label: t('xchg.col.kind'), children: labels.kind(a.opportunity.kind) },
    { key: 'year', label: t('xchg.col.year'), children: academicYearLabel(a.opportunity.academicYear) },
    { key: 'host', label: t('xchg.col.host'), children: hostName(a, locale) },
    { key: 'country', label: t('xchg.col.country'), children: <CountryName code={a.hostInstitution.countryCode} /> },
    { key: 'appliedOn', label: t('xchg.col.appliedOn'), children: a.appliedOn },
    { key: 'score', label: t('xchg.col.score'), children: text(a.score) },
    { key: 'certificate', label: t('xchg.col.certificate'), children: text(a.languageCertificate) },
    { key: 'decidedOn', label: t('xchg.decidedOn'), children: text(a.decidedOn) },
    { key: 'departure', label: t('xchg.col.departure'), children: text(a.departureDate) },
    { key: 'return', label: t('xchg.col.return'), children: text(a.returnDate) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(a.updatedAt)} · ${t('common.version')} ${a.version}` },
    { key: 'notes', label: t('xchg.notes'), span: 'filled' as const, children: a.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</span> : text(null) },
  ];

  return (
    <Flex vertical gap={16}>
      <BackLink to="/exchanges/applications" />
      <PageHeader title={studentName(a, locale)} subtitle={[hostName(a, locale), labels.kind(a.opportunity.kind), academicYearLabel(a.opportunity.academicYear)].join(' · ')} />
      <Card data-testid="application-details">
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      </Card>
      <WorkflowCard record={a} workflow={APPLICATION_WORKFLOW} useTransition={useApplicationTransition} statusTag={<ApplicationStatusTag status={a.status} />} />
      <RecordHistory entity="exchange_application" entityId={a.id} />
    </Flex>
  );
}

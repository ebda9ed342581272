import { getRouteApi, Link } from '@tanstack/react-router';
import { Card, Flex } from 'antd';
import { BackLink } from '../../components/back-link.tsx';
import { CountryName } from '../../components/country-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
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
  const { locale } = useI18n();
  const labels = useExchangeLabels();
  const id = Number(route.useParams().id);
  const { data: a, error, isPending } = applicationsApi.useOne(id);
  if (error) return <ErrorPage error={error} />;
  if (isPending) return <LoadingPage />;

  const student = (
    <Link to="/people/$id" params={{ id: String(a.personId) }}>
      {studentName(a, locale)}
    </Link>
  );
  const opportunity = (
    <Link to="/exchanges/opportunities/$id" params={{ id: String(a.opportunityId) }}>
      {a.opportunity.titleEn}
    </Link>
  );
  return (
    <Flex vertical gap={16}>
      <BackLink to="/exchanges/applications" />
      <PageHeader title={studentName(a, locale)} subtitle={[hostName(a, locale), labels.kind(a.opportunity.kind), academicYearLabel(a.opportunity.academicYear)].join(' · ')} />
      <Card data-testid="application-details">
        <RecordDetails
          record={a}
          labels="xchg.col"
          rows={[
            { field: 'status', value: <ApplicationStatusTag status={a.status} /> },
            { field: 'student', label: 'xchg.student', value: student },
            { field: 'exchange', label: 'xchg.opportunity', value: opportunity },
            { field: 'kind', value: labels.kind(a.opportunity.kind) },
            { field: 'year', value: academicYearLabel(a.opportunity.academicYear) },
            { field: 'host', value: hostName(a, locale) },
            { field: 'country', value: <CountryName code={a.hostInstitution.countryCode} /> },
            ...['appliedOn', 'score'],
            { field: 'certificate', value: a.languageCertificate },
            { field: 'decidedOn', label: 'xchg.decidedOn' },
            { field: 'departure', value: a.departureDate },
            { field: 'return', value: a.returnDate },
            { field: 'iscedFCode', label: 'xchg.field.iscedFCode', value: a.iscedFCode },
            { field: 'eqfLevel', label: 'xchg.field.eqfLevel', value: a.eqfLevel },
          ]}
          after={[{ field: 'notes', label: 'xchg.notes', long: true }]}
        />
      </Card>
      <WorkflowCard record={a} workflow={APPLICATION_WORKFLOW} useTransition={useApplicationTransition} statusTag={<ApplicationStatusTag status={a.status} />} />
      <RecordHistory entity="exchange_application" entityId={a.id} />
    </Flex>
  );
}

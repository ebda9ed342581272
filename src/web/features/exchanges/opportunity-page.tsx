import { getRouteApi, Link } from '@tanstack/react-router';
import { App, Button, Card, Flex, Popconfirm, Table, Typography } from 'antd';
import type { Application } from '../../../shared/contracts/exchanges.ts';
import { roleMay } from '../../../shared/policies.ts';
import { BackLink } from '../../components/back-link.tsx';
import { CountryName } from '../../components/country-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { ErrorPage, LoadingPage } from '../../components/status-pages.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { DocumentsButton } from '../documents/documents-button.tsx';
import { applicationsApi, opportunitiesApi, useAllocation } from './api.ts';
import { academicYearLabel, ApplicationStatusTag, opportunityTitle, studentName, useExchangeLabels } from './exchange-labels.tsx';

const route = getRouteApi('/app/exchanges/opportunities/$id');
const SHOWN = 200;

/** The office's button that gives the undecided applicants the free places, by score then application date. */
function AllocateButton({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const allocation = useAllocation(id);
  const run = async () => {
    try {
      const r = await allocation.mutateAsync();
      void message.success(t('xchg.allocated', { selected: r.selected.length, waitlisted: r.waitlisted.length, skipped: r.skipped.length }));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };
  return (
    <Popconfirm title={t('xchg.allocate')} description={<div style={{ maxWidth: 360 }}>{t('xchg.allocateConfirm')}</div>} onConfirm={() => void run()}>
      <Button type="primary" loading={allocation.isPending} data-testid="allocate-places">
        {t('xchg.allocate')}
      </Button>
    </Popconfirm>
  );
}

/** One opportunity: its places and who applied for them; the office allocates the places here. */
export function OpportunityPage() {
  const { t, locale } = useI18n();
  const labels = useExchangeLabels();
  const user = useCurrentUser();
  const id = Number(route.useParams().id);
  const { data: o, error, isPending } = opportunitiesApi.useOne(id);
  const applications = applicationsApi.useList({ opportunityId: id, sort: 'score', order: 'desc', pageSize: SHOWN });
  if (error) return <ErrorPage error={error} />;
  if (isPending) return <LoadingPage />;

  const mayAllocate = roleMay(user.role, 'exchange_selection', 'update');
  const places = <span data-testid="opportunity-places">{t('xchg.placesTaken', { taken: o.placesTaken, places: o.places, applicants: o.applicants })}</span>;
  return (
    <Flex vertical gap={16}>
      <BackLink to="/exchanges/opportunities" />
      <PageHeader
        title={opportunityTitle(o, locale)}
        subtitle={[primaryName(o.hostInstitution, locale), labels.kind(o.kind), academicYearLabel(o.academicYear)].join(' · ')}
        extra={
          <Flex gap={8} align="center" wrap>
            {roleMay(user.role, 'exchange', 'create') ? (
              <Link to="/exchanges/applications/new" search={{ opportunityId: o.id }}>
                <Button data-testid="opportunity-new-application">{t('xchg.addApplication')}</Button>
              </Link>
            ) : null}
            <DocumentsButton kinds={['nomination_letter']} record={{ institutionId: o.hostInstitutionId, academicYear: o.academicYear }} label={t('documents.nominationButton')} testId="nomination-letter" />
            {mayAllocate ? <AllocateButton id={o.id} /> : <Typography.Text type="secondary">{t('xchg.officeOnlyAllocation')}</Typography.Text>}
          </Flex>
        }
      />
      <Card data-testid="opportunity-details">
        <RecordDetails
          record={o}
          labels="xchg.col"
          rows={[
            { field: 'kind', value: labels.kind(o.kind) },
            { field: 'year', value: academicYearLabel(o.academicYear) },
            { field: 'host', value: primaryName(o.hostInstitution, locale) },
            { field: 'country', value: <CountryName code={o.hostInstitution.countryCode} /> },
            { field: 'places', label: 'xchg.places', value: places },
            { field: 'period', label: 'xchg.period', value: o.startsOn || o.endsOn ? `${o.startsOn ?? '…'} – ${o.endsOn ?? '…'}` : null },
            { field: 'applicationsCloseOn', label: 'xchg.field.applicationsCloseOn', value: o.applicationsCloseOn },
            { field: 'iscedFCode', label: 'xchg.field.iscedFCode', value: o.iscedFCode },
            { field: 'allocatedOn', label: 'xchg.allocatedOn', value: <span data-testid="opportunity-allocated-on">{o.allocatedOn ?? t('xchg.notAllocated')}</span> },
            { field: 'titleEn', label: 'xchg.field.titleEn' },
            { field: 'titleZh', label: 'xchg.field.titleZh' },
          ]}
          after={[{ field: 'notes', label: 'xchg.notes', long: true }]}
        />
      </Card>
      <Card
        title={t('xchg.theApplications')}
        extra={
          <Link to="/exchanges/applications" search={{ opportunityId: o.id }}>
            {t('xchg.allApplications')}
          </Link>
        }
      >
        <Table<Application>
          rowKey="id"
          size="small"
          loading={applications.isFetching}
          dataSource={applications.data?.items ?? []}
          pagination={false}
          data-testid="opportunity-applications"
          columns={[
            {
              key: 'student',
              title: t('xchg.student'),
              render: (_, a) => (
                <Link to="/exchanges/applications/$id" params={{ id: String(a.id) }}>
                  {studentName(a, locale)}
                </Link>
              ),
            },
            { key: 'score', title: t('xchg.col.score'), width: 90, render: (_, a) => a.score ?? t('common.empty') },
            { key: 'appliedOn', title: t('xchg.col.appliedOn'), width: 120, render: (_, a) => a.appliedOn },
            { key: 'status', title: t('xchg.col.status'), width: 160, render: (_, a) => <ApplicationStatusTag status={a.status} /> },
            { key: 'departure', title: t('xchg.col.departure'), width: 120, render: (_, a) => a.departureDate ?? t('common.empty') },
          ]}
        />
      </Card>
      <RecordHistory entity="exchange_opportunity" entityId={o.id} />
    </Flex>
  );
}

import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Form, Select } from 'antd';
import { officeToday } from '../../../shared/calendar.ts';
import { ApplicationInput, type Application } from '../../../shared/contracts/exchanges.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { RecordForm } from '../../components/record-form.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import { applicationsApi, opportunitiesApi } from './api.ts';
import { APPLICATION_FIELDS } from './exchange-fields.ts';
import { academicYearLabel, opportunityTitle } from './exchange-labels.tsx';

const route = getRouteApi('/app/exchanges/applications/new');
type ApplicationFormValues = Partial<Record<keyof ApplicationInput, unknown>>;
const OPPORTUNITIES_SHOWN = 200;

/** A student applies for an opportunity (the one named in the URL when started from its page); then the application's page. */
export function ApplicationCreatePage() {
  const { locale } = useI18n();
  const navigate = useNavigate();
  const { opportunityId } = route.useSearch();
  const opportunities = opportunitiesApi.useList({ pageSize: OPPORTUNITIES_SHOWN });
  const back = opportunityId ? ({ to: '/exchanges/opportunities/$id', params: { id: String(opportunityId) } } as const) : ({ to: '/exchanges/applications' } as const);

  return (
    <CreatePage<Application, typeof ApplicationInput, ApplicationFormValues> entity="exchange" messages="xchg" title="xchg.newApplication" record="/exchanges/applications/$id" onCancel={() => void navigate(back)} resource={applicationsApi} schema={ApplicationInput}>
      {(binding) => (
        <RecordForm
          {...binding}
          initialValues={{ opportunityId, appliedOn: officeToday() }}
          layout={APPLICATION_FIELDS}
          testId="application-form"
          saveTestId="application-save"
          slots={{
            opportunity: (
              <Form.Item {...binding.contract.item('opportunityId')}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={opportunities.isFetching}
                  options={(opportunities.data?.items ?? []).map((o) => ({
                    value: o.id,
                    label: `${opportunityTitle(o, locale)} · ${primaryName(o.hostInstitution, locale)} · ${academicYearLabel(o.academicYear)}`,
                  }))}
                  data-testid="application-opportunity"
                />
              </Form.Item>
            ),
          }}
        />
      )}
    </CreatePage>
  );
}

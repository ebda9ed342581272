import { SaveOutlined } from '@ant-design/icons';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { officeToday } from '../../../shared/calendar.ts';
import { ApplicationInput, type Application } from '../../../shared/contracts/exchanges.ts';
import { roleMay } from '../../../shared/policies.ts';
import { BackLink } from '../../components/back-link.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { PersonSelect } from '../../components/person-select.tsx';
import { applicationsApi, opportunitiesApi } from './api.ts';
import { academicYearLabel, opportunityTitle } from './exchange-labels.tsx';

const route = getRouteApi('/app/exchanges/applications/new');
type ApplicationFormValues = Partial<Record<keyof ApplicationInput, unknown>>;
const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };
const OPPORTUNITIES_SHOWN = 200;

/** A student applies for an opportunity (the one named in the URL when started from its page); then the application's page. */
export function ApplicationCreatePage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { opportunityId } = route.useSearch();
  const opportunities = opportunitiesApi.useList({ pageSize: OPPORTUNITIES_SHOWN });
  const { form, contract, submit, saving } = useCreateForm<Application, typeof ApplicationInput, ApplicationFormValues>({
    resource: applicationsApi,
    schema: ApplicationInput,
    labelPrefix: 'xchg.field',
    onCreated: (created) => navigate({ to: '/exchanges/applications/$id', params: { id: String(created.id) } }),
  });

  if (!roleMay(user.role, 'exchange', 'create')) return <ForbiddenPage />;
  const back = opportunityId ? ({ to: '/exchanges/opportunities/$id', params: { id: String(opportunityId) } } as const) : ({ to: '/exchanges/applications' } as const);

  return (
    <>
      <PageHeader title={t('xchg.newApplication')} extra={<BackLink to="/exchanges/applications" />} />
      <Card>
        <Form form={form} layout="vertical" initialValues={{ opportunityId, appliedOn: officeToday() }} onFinish={(values) => void submit(values)} data-testid="application-form">
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item {...contract.item('opportunityId')}>
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
            </Col>
            <Col {...half}>
              <Form.Item {...contract.item('personId')}>
                <PersonSelect data-testid="application-person" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item {...contract.item('appliedOn')}>
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item {...contract.item('score')}>
                <InputNumber<number> min={0} max={100} step={0.1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item {...contract.item('languageCertificate')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item {...contract.item('departureDate')}>
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item {...contract.item('returnDate')}>
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item {...contract.item('notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="application-save">
              {t('action.save')}
            </Button>
            <Button onClick={() => void navigate(back)}>{t('action.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

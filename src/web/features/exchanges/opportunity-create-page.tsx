import { SaveOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { EXCHANGE_KINDS, OpportunityInput, type Opportunity } from '../../../shared/contracts/exchanges.ts';
import { roleMay } from '../../../shared/policies.ts';
import { BackLink } from '../../components/back-link.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { opportunitiesApi } from './api.ts';
import { useExchangeLabels } from './exchange-labels.tsx';

type OpportunityFormValues = Partial<Record<keyof OpportunityInput, unknown>>;
const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/** A partner's places for an academic year, offered by one of our units; then its page. */
export function OpportunityCreatePage() {
  const { t } = useI18n();
  const labels = useExchangeLabels();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { form, contract, submit, saving } = useCreateForm<Opportunity, typeof OpportunityInput, OpportunityFormValues>({
    resource: opportunitiesApi,
    schema: OpportunityInput,
    labelPrefix: 'xchg.field',
    onCreated: (created) => navigate({ to: '/exchanges/opportunities/$id', params: { id: String(created.id) } }),
  });

  if (!roleMay(user.role, 'exchange', 'create')) return <ForbiddenPage />;
  const coordinator = user.role === 'coordinator';
  // an academic year is named by the year it starts: from September, the coming one is next year's
  const now = new Date();
  const initialValues: OpportunityFormValues = { academicYear: now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear(), places: 1, unitId: coordinator ? user.unitId : undefined };

  return (
    <>
      <PageHeader title={t('xchg.newOpportunity')} extra={<BackLink to="/exchanges/opportunities" />} />
      <Card>
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)} data-testid="opportunity-form">
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item {...contract.item('titleEn')}>
                <Input maxLength={300} data-testid="opportunity-title-en" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item {...contract.item('titleZh')}>
                <Input maxLength={300} lang="zh" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item {...contract.item('kind')}>
                <Select options={EXCHANGE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} data-testid="opportunity-kind" />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item {...contract.item('hostInstitutionId')}>
                <InstitutionSelect data-testid="opportunity-host" />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item {...contract.item('unitId')}>
                <UnitSelect within={coordinator ? user.unitId : undefined} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item {...contract.item('academicYear')}>
                <InputNumber<number> min={1900} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item {...contract.item('places')}>
                <InputNumber<number> min={0} max={1000} style={{ width: '100%' }} data-testid="opportunity-places-input" />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item {...contract.item('startsOn')}>
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item {...contract.item('endsOn')}>
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Col>
          </Row>
          <Form.Item {...contract.item('notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="opportunity-save">
              {t('action.save')}
            </Button>
            <Button onClick={() => void navigate({ to: '/exchanges/opportunities' })}>{t('action.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

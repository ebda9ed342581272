import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import { PROTOCOL_LEVELS, VISIT_PURPOSES, type VisitInput } from '../../../shared/contracts/visits.ts';
import { DateInput } from '../../components/date-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { DelegationField } from './delegation-field.tsx';
import { useVisitLabels } from './visit-labels.tsx';
import type { VisitFormValues } from './visit-values.ts';

interface VisitFormProps {
  form: FormInstance<VisitFormValues>;
  contract: ContractForm<typeof VisitInput>;
  initialValues: VisitFormValues;
  /** Names of the visitors and their institutions already on the visit (an edited visit's). */
  peopleLabels?: ReadonlyMap<number, string>;
  institutionLabels?: ReadonlyMap<number, string>;
  saving: boolean;
  onSubmit: (values: VisitFormValues) => void;
  onCancel?: () => void;
}

/**
 * The visit form: what, when and who hosts, the delegation, our reception, notes; item names are
 * the contract's fields. A coordinator's host units are their own unit's subtree (the server checks it too).
 */
export function VisitForm({ form, contract, initialValues, peopleLabels, institutionLabels, saving, onSubmit, onCancel }: VisitFormProps) {
  const { t } = useI18n();
  const labels = useVisitLabels();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Form<VisitFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={onSubmit} scrollToFirstError>
      {coordinator ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('visit.coordinatorNote')} /> : null}
      <Divider titlePlacement="start" plain>
        {t('visit.section.visit')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('titleEn')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('titleZh')}>
            <Input maxLength={500} lang="zh" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('startDate')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('endDate')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('purpose')}>
            <Select options={VISIT_PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) }))} data-testid="visit-purpose" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('hostUnitId')}>
            <UnitSelect within={coordinator ? user.unitId : undefined} data-testid="visit-host-unit" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('protocolLevel')}>
            <Select options={PROTOCOL_LEVELS.map((l) => ({ value: l, label: labels.protocolLevel(l) }))} data-testid="visit-protocol-level" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('visit.section.delegation')}
      </Divider>
      <DelegationField form={form} contract={contract} initialPeople={peopleLabels} initialInstitutions={institutionLabels} />
      <Divider titlePlacement="start" plain>
        {t('visit.section.reception')}
      </Divider>
      <Form.Item {...contract.item('receivingOfficial')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item {...contract.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="visit-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

import { SaveOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { APPOINTMENT_TITLES, type AppointmentInput, type AppointmentStatus } from '../../../shared/contracts/appointments.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { DateInput } from '../../components/date-input.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { useAppointmentLabels } from './appointment-labels.tsx';
import type { AppointmentFormValues } from './appointment-values.ts';
import { ExpertSelect } from './expert-select.tsx';
import { NewExpertDialog } from './new-expert-dialog.tsx';

interface AppointmentFormProps {
  form: FormInstance<AppointmentFormValues>;
  contract: ContractForm<typeof AppointmentInput>;
  initialValues: AppointmentFormValues;
  /** The appointment's status when editing; absent for a new one. */
  status?: AppointmentStatus;
  /** The home institution's name, shown before any search. */
  institutionLabel?: string | null;
  saving: boolean;
  onSubmit: (values: AppointmentFormValues) => void;
  onCancel?: () => void;
}

/**
 * The appointment form: the expert (picked, or added on the spot), title, appointing unit, home
 * institution, term, notes. The expert of a recorded appointment does not change (that would be
 * another appointment); once a title is conferred, what was conferred is the office's to change.
 */
export function AppointmentForm({ form, contract, initialValues, status, institutionLabel, saving, onSubmit, onCancel }: AppointmentFormProps) {
  const { t } = useI18n();
  const labels = useAppointmentLabels();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const conferredLocked = coordinator && status !== undefined && status !== 'proposed';
  const [created, setCreated] = useState<Person | null>(null);
  const [adding, setAdding] = useState(false);
  const half = { xs: 24, md: 12 };

  const picked = (person: Person) => {
    setCreated(person);
    form.setFieldValue('personId', person.id);
    // the expert's institution is the appointment's, unless one is already chosen
    if (person.institutionId && !form.getFieldValue('institutionId')) form.setFieldValue('institutionId', person.institutionId);
    void form.validateFields(['personId']);
  };

  return (
    <>
      <Form<AppointmentFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={onSubmit} scrollToFirstError>
        {coordinator ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(conferredLocked ? 'exp.conferredNote' : 'exp.coordinatorNote')} /> : null}
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item label={contract.item('personId').label} required>
              <Flex gap={8}>
                <Form.Item {...contract.item('personId')} noStyle>
                  <ExpertSelect extra={created} disabled={status !== undefined} style={{ flex: 1 }} aria-label={t('exp.field.personId')} data-testid="appointment-person" />
                </Form.Item>
                {status === undefined && can(user, 'create', 'person') ? (
                  <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="appointment-new-person">
                    {t('exp.newExpert')}
                  </Button>
                ) : null}
              </Flex>
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('title')}>
              <Select disabled={conferredLocked} options={APPOINTMENT_TITLES.map((v) => ({ value: v, label: labels.title(v) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('unitId')}>
              <UnitSelect disabled={conferredLocked} within={coordinator ? user.unitId : undefined} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...contract.item('institutionId')}>
              <InstitutionSelect currentLabel={institutionLabel ?? (created?.institutionId ? created.institutionName : null)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('startDate')}>
              <DateInput disabled={conferredLocked} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('endDate')} extra={t('exp.endHint')}>
              <DateInput disabled={conferredLocked} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...contract.item('notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="appointment-save">
            {t('action.save')}
          </Button>
          {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
        </Flex>
      </Form>
      {/* outside the form: the person form is a form of its own */}
      {adding ? <NewExpertDialog onCreated={picked} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

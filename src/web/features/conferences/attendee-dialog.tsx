import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { ATTENDEE_ROLES, AttendeeInput, type AttendeeRole, type Conference } from '../../../shared/contracts/conferences.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { useAttendeeWrites } from './api.ts';
import { useConferenceLabels } from './conference-labels.tsx';

interface AttendeeFormValues {
  fullName?: string;
  countryCode?: string;
  institutionName?: string;
  role?: AttendeeRole;
}

/** Add one attendee to the list by hand, at the conference's version (the list is part of it). */
export function AttendeeDialog({ conference: c, onClose }: { conference: Conference; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useConferenceLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<AttendeeFormValues>();
  const contract = useContractForm(AttendeeInput, 'conf.attendee');
  const { add } = useAttendeeWrites(c.id);

  const submit = async () => {
    const input = contract.validate(form, { ...form.getFieldsValue(true), version: c.version });
    if (!input) return;
    try {
      await add.mutateAsync(input);
      void message.success(t('common.created'));
      onClose();
    } catch (err) {
      contract.handleError(form, err);
    }
  };

  return (
    <Modal
      open
      title={t('conf.attendee.add')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={add.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AttendeeFormValues> form={form} layout="vertical" initialValues={{ role: 'participant' }}>
        <Form.Item {...contract.item('fullName')}>
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item {...contract.item('countryCode')}>
              <CountrySelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...contract.item('role')}>
              <Select options={ATTENDEE_ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item {...contract.item('institutionName')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

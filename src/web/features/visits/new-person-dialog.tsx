import { Alert, Col, Form, Input, Modal, Row } from 'antd';
import { PersonInput, type Person } from '../../../shared/contracts/people.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { peopleApi } from '../people/api.ts';

interface NewPersonValues {
  familyName?: string;
  givenName?: string;
  nameZh?: string;
  nationality?: string;
  institutionId?: number;
  title?: string;
}

interface NewPersonDialogProps {
  /** Our unit the person belongs to: the visit's host unit (a coordinator's own unit when not chosen yet). */
  unitId: number | undefined;
  onCreated: (person: Person) => void;
  onClose: () => void;
}

/**
 * A visitor not recorded yet: the person is created first (POST /api/people), with the few fields
 * a delegation needs, then handed to the delegation. Personal data is entered on the person's page.
 */
export function NewPersonDialog({ unitId, onCreated, onClose }: NewPersonDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewPersonValues>();
  const contract = useContractForm(PersonInput, 'person.field');
  const create = peopleApi.useCreate();
  const half = { xs: 24, md: 12 };

  const submit = async () => {
    const input = contract.validate(form, { ...form.getFieldsValue(true), unitId });
    if (!input) return;
    try {
      const person = await create.mutateAsync(input);
      onCreated(person);
      onClose();
    } catch (err) {
      contract.handleError(form, err);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('visit.newPersonTitle')}
      okText={t('action.create')}
      cancelText={t('action.cancel')}
      okButtonProps={{ 'data-testid': 'new-person-ok' }}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('visit.newPersonHint')} />
      <Form<NewPersonValues> form={form} layout="vertical" onFinish={() => void submit()} data-testid="new-person-form">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item {...contract.item('familyName')}>
              <Input maxLength={200} autoFocus />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('givenName')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('nameZh')} label={t('visit.nameInScript')}>
              <Input maxLength={100} lang="zh" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('title')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('nationality')}>
              <CountrySelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('institutionId')}>
              <InstitutionSelect />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

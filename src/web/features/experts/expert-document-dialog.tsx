import { LockOutlined } from '@ant-design/icons';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { EXPERT_DOCUMENT_KINDS, ExpertDocumentInput, type ExpertDocument, type ExpertDocumentKind } from '../../../shared/contracts/appointments.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { canWriteField, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useDialogForm } from '../../lib/use-dialog-form.ts';
import { useExpertDocumentWrites } from './api.ts';
import { useAppointmentLabels } from './appointment-labels.tsx';

/** What the document form holds. */
interface DocumentFormValues {
  appointmentId?: number | null;
  kind?: ExpertDocumentKind;
  number?: string;
  issuedOn?: string;
  expiresOn?: string;
  notes?: string;
}

const toValues = (d: ExpertDocument): DocumentFormValues => ({
  appointmentId: d.appointmentId,
  kind: d.kind,
  number: d.number ?? undefined,
  issuedOn: d.issuedOn ?? undefined,
  expiresOn: d.expiresOn ?? undefined,
  notes: d.notes ?? undefined,
});

interface ExpertDocumentDialogProps {
  personId: number;
  /** The appointment the page is about: a new document belongs to it unless the user says otherwise. */
  appointmentId: number;
  document?: ExpertDocument;
  onClose: () => void;
}

/** Add or change one of an expert's documents; the number only for those who may see personal data. */
export function ExpertDocumentDialog({ personId, appointmentId, document, onClose }: ExpertDocumentDialogProps) {
  const { t } = useI18n();
  const labels = useAppointmentLabels();
  const user = useCurrentUser();
  // The number is personal data: offered and sent only to those who may write it (FIELD_RULES); the server refuses it even empty.
  const personalData = canWriteField(user, 'expert_document', 'number');
  const writes = useExpertDocumentWrites(personId);
  const strip = <T extends object>(input: T) => writableInput(user, 'expert_document', input);
  const { form, contract, modalProps } = useDialogForm({
    record: document,
    schema: ExpertDocumentInput,
    labelPrefix: 'exp.doc.field',
    create: { mutateAsync: (input) => writes.create.mutateAsync(strip(input)), isPending: writes.create.isPending },
    update: { mutateAsync: ({ id, update }) => writes.update.mutateAsync({ id, update: strip(update) }), isPending: writes.update.isPending },
    toFormValues: toValues,
    onClose,
  });
  const belongsTo = [
    { value: appointmentId, label: t('exp.doc.thisAppointment', { id: appointmentId }) },
    ...(document?.appointmentId && document.appointmentId !== appointmentId ? [{ value: document.appointmentId, label: `#${document.appointmentId}` }] : []),
    { value: 0, label: t('exp.doc.personOnly') },
  ];

  return (
    <Modal {...modalProps} title={document ? t('exp.doc.edit') : t('exp.doc.add')} width={640} destroyOnHidden okButtonProps={{ 'data-testid': 'expert-document-save' } as never}>
      <Form<DocumentFormValues>
        form={form}
        layout="vertical"
        initialValues={document ? toValues(document) : { appointmentId, kind: 'work_permit' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item {...contract.item('kind')}>
              <Select options={EXPERT_DOCUMENT_KINDS.map((k) => ({ value: k, label: labels.documentKind(k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {/* "the person's own" is 0 in the select, null in the contract */}
            <Form.Item {...contract.item('appointmentId')} getValueProps={(value: number | null) => ({ value: value ?? 0 })} normalize={(value: number) => (value === 0 ? null : value)}>
              <Select options={belongsTo} />
            </Form.Item>
          </Col>
          {personalData ? (
            <Col span={24}>
              <Form.Item {...contract.item('number')} extra={<><LockOutlined /> {t('person.personalDataHint')}</>}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item {...contract.item('issuedOn')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...contract.item('expiresOn')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...contract.item('notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

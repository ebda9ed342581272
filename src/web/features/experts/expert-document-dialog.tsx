import { LockOutlined } from '@ant-design/icons';
import { Form, Select } from 'antd';
import { ExpertDocumentInput, type ExpertDocument, type ExpertDocumentKind } from '../../../shared/contracts/appointments.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { canWriteField, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useDialogForm } from '../../lib/use-dialog-form.ts';
import { useExpertDocumentWrites } from './api.ts';
import { EXPERT_DOCUMENT_FIELDS } from './expert-document-fields.ts';

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
    <FormDialog
      modal={{ ...modalProps, title: document ? t('exp.doc.edit') : t('exp.doc.add'), width: 640, destroyOnHidden: true, okButtonProps: { 'data-testid': 'expert-document-save' } as never }}
      form={form}
      contract={contract}
      initialValues={document ? toValues(document) : { appointmentId, kind: 'work_permit' }}
      layout={EXPERT_DOCUMENT_FIELDS}
      omit={personalData ? [] : ['number']}
      extras={{
        number: (
          <>
            <LockOutlined /> {t('person.personalDataHint')}
          </>
        ),
      }}
      slots={{
        appointment: (
          // "the person's own" is 0 in the select, null in the contract
          <Form.Item {...contract.item('appointmentId')} getValueProps={(value: number | null) => ({ value: value ?? 0 })} normalize={(value: number) => (value === 0 ? null : value)}>
            <Select options={belongsTo} />
          </Form.Item>
        ),
      }}
    />
  );
}

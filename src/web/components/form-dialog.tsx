import { Form, Modal, type FormInstance, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import type { FormLayout } from '../lib/field-spec.ts';
import type { ContractForm, ObjectSchema } from '../lib/use-contract-form.ts';
import { FormFields, type FormFieldsOptions } from './form-fields.tsx';

interface FormDialogProps<S extends ObjectSchema, V extends object> extends FormFieldsOptions {
  /** The dialog: title, width, and its OK and cancel (useDialogForm's modalProps). */
  modal: ModalProps;
  form: FormInstance<V>;
  contract: ContractForm<S>;
  initialValues?: NoInfer<V>;
  layout: FormLayout;
  /** Enter in a field: what OK does. */
  onFinish?: () => void;
  testId?: string;
  /** Shown above the fields. */
  before?: ReactNode;
}

/** A described form in a dialog: the same fields, labels, rules and rights as on a page (see FormFields). */
export function FormDialog<S extends ObjectSchema, V extends object>({ modal, form, initialValues, onFinish, testId, before, ...fields }: FormDialogProps<S, V>) {
  return (
    <Modal {...modal}>
      {before}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid={testId}>
        <FormFields {...fields} />
      </Form>
    </Modal>
  );
}

import { App, Form } from 'antd';
import type { z } from 'zod';
import { useI18n } from './i18n.tsx';
import { useContractForm, type ObjectSchema } from './use-contract-form.ts';

/** How to create or change one kind of record in a dialog. */
export interface DialogFormOptions<T, S extends ObjectSchema, V> {
  /** The record to change; absent to create one. */
  record?: T;
  schema: S;
  /** Message prefix of the field labels ("unit.field"). */
  labelPrefix: string;
  create: { mutateAsync: (input: z.output<S>) => Promise<unknown>; isPending: boolean };
  update: { mutateAsync: (change: { id: number; update: z.output<S> & { version: number } }) => Promise<unknown>; isPending: boolean };
  toFormValues: (record: T) => V;
  /** After a version conflict, once the form holds the current record. */
  afterReload?: () => void;
  onClose: () => void;
}

/**
 * A create-or-edit dialog over a contract: save at the record's version (a conflict offers the
 * current record), say so and close. Returns the form and the props of the Modal itself.
 */
export function useDialogForm<T extends { id: number; version: number }, S extends ObjectSchema, V>(options: DialogFormOptions<T, S, V>) {
  const { record, schema, labelPrefix, create, update, toFormValues, afterReload, onClose } = options;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const contract = useContractForm(schema, labelPrefix);

  const submit = async () => {
    const input = contract.validate(form, form.getFieldsValue(true));
    if (!input) return;
    try {
      if (record) await update.mutateAsync({ id: record.id, update: { ...input, version: record.version } });
      else await create.mutateAsync(input);
      void message.success(record ? t('common.saved') : t('common.created'));
      onClose();
    } catch (err) {
      contract.handleError(form, err, (current) => {
        form.setFieldsValue(toFormValues(current as T));
        afterReload?.();
      });
    }
  };

  const modalProps = {
    open: true,
    okText: t('action.save'),
    cancelText: t('action.cancel'),
    confirmLoading: create.isPending || update.isPending,
    onOk: submit,
    onCancel: onClose,
  };
  return { form, contract, modalProps };
}

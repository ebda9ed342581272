import { App, Form } from 'antd';
import type { z } from 'zod';
import { useI18n } from './i18n.tsx';
import { useContractForm, type ObjectSchema } from './use-contract-form.ts';

/** How to create one kind of record from a form. */
export interface CreateFormOptions<T, S extends ObjectSchema> {
  resource: { useCreate: () => { mutateAsync: (input: z.output<S>) => Promise<T>; isPending: boolean } };
  schema: S;
  /** Message prefix of the field labels ("person.field"). */
  labelPrefix: string;
  /** What to send of a valid input (people leave out personal data the user may not send). */
  prepare?: (input: z.output<S>) => z.output<S>;
  /** Say "created" (default); a record created on the way (a visitor added to a delegation) may go without. */
  announce?: boolean;
  /** Where to go with the new record (its page). */
  onCreated: (created: T) => Promise<void>;
  /** A refusal the kind shows its own way (an institution already on file); true when it did. */
  onError?: (err: unknown) => boolean;
}

/**
 * The form of a new record: validate with the contract, create, say so and go on; field errors from
 * the server land on their fields. Shared so that every module's create page behaves the same.
 */
export function useCreateForm<T, S extends ObjectSchema, V>(options: CreateFormOptions<T, S>) {
  const { resource, schema, labelPrefix, prepare = (input) => input, announce = true, onCreated, onError } = options;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const contract = useContractForm(schema, labelPrefix);
  const create = resource.useCreate();

  const submit = async (values: V) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      const created = await create.mutateAsync(prepare(input));
      if (announce) void message.success(t('common.created'));
      await onCreated(created);
    } catch (err) {
      if (!onError?.(err)) contract.handleError(form, err);
    }
  };

  return { form, contract, submit, saving: create.isPending };
}

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { errorText } from './errors.ts';
import { useI18n } from './i18n.tsx';
import { useContractForm, type ObjectSchema } from './use-contract-form.ts';

type Versioned = { id: number; version: number };

/** What a record page needs of its module's hooks (see createResourceHooks). */
export interface EditableResource<T, U> {
  keys: { one: (id: number) => QueryKey };
  useOne: (id: number) => { data?: T; error: Error | null; isLoading: boolean };
  useUpdate: (id: number) => { mutateAsync: (update: U) => Promise<T>; isPending: boolean };
  useRemove: () => { mutateAsync: (at: Versioned) => Promise<unknown>; isPending: boolean };
}

/** How to edit one kind of record. */
export interface RecordEditingOptions<T, S extends ObjectSchema, V> {
  resource: EditableResource<T, z.output<S> & { version: number }>;
  id: number;
  schema: S;
  /** Message prefix of the field labels ("inst.field"). */
  labelPrefix: string;
  toFormValues: (record: T) => V;
  /** What to send of a valid input, given the record as loaded (forms leave out the fields the user may not write: FIELD_RULES). */
  prepare?: (input: z.output<S>, loaded: T) => z.output<S>;
  /** Where to go once the record is deleted. */
  onDeleted: () => Promise<void>;
}

/**
 * One record with its edit form: save at the loaded version (a conflict offers the current record,
 * which then fills the form and the cache), delete at that version. Shared so that every module's
 * record page saves, conflicts and deletes the same way.
 */
export function useRecordEditing<T extends Versioned, S extends ObjectSchema, V extends object>(options: RecordEditingOptions<T, S, V>) {
  const { resource, id, schema, labelPrefix, toFormValues, prepare = (input) => input, onDeleted } = options;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data: record, error, isLoading } = resource.useOne(id);
  const update = resource.useUpdate(id);
  const remove = resource.useRemove();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<V>();
  const contract = useContractForm(schema, labelPrefix);

  const save = async (loaded: T, values: V) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      await update.mutateAsync({ ...prepare(input, loaded), version: loaded.version });
      void message.success(t('common.saved'));
      setEditing(false);
    } catch (err) {
      contract.handleError(form, err, (current) => {
        const fresh = current as T;
        client.setQueryData(resource.keys.one(id), fresh);
        form.setFieldsValue(toFormValues(fresh));
      });
    }
  };

  const destroy = async (loaded: T) => {
    try {
      await remove.mutateAsync({ id, version: loaded.version });
      void message.success(t('common.deleted'));
      await onDeleted();
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return { record, error, isLoading, editing, setEditing, form, contract, save, saving: update.isPending, destroy, deleting: remove.isPending };
}

import { App, type FormInstance, type FormItemProps } from 'antd';
import { useMemo } from 'react';
import type { z } from 'zod';
import { ApiError } from './api.ts';
import { errorText } from './errors.ts';
import { useI18n, type MessageKey } from './i18n.tsx';
import { applyServerFieldErrors, isRequired, validateWithSchema, zodFieldRule } from './zod-form.ts';

/** The contract schemas a form binds to: zod objects from src/shared. */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** What a form built on a contract schema needs: item props, validation, and API error handling. */
export interface ContractForm<S extends ObjectSchema> {
  /** Props for a Form.Item: name, label, the inline zod rule and the required mark. */
  item: (name: keyof S['shape'] & string) => Pick<FormItemProps, 'name' | 'label' | 'rules' | 'required'>;
  /** Validate all values with the schema (cross-field rules included); null when invalid. */
  validate: (form: FormInstance, values: unknown) => z.output<S> | null;
  /** Show an API error: field errors inline, a version conflict as a dialog, anything else as a message. */
  handleError: (form: FormInstance, error: unknown, onReloadCurrent?: (current: unknown) => void) => void;
}

/**
 * Bind a contract schema (from src/shared) to an AntD form. Form item names are the contract's
 * field names; each field's label is the message `<labelPrefix>.<field>`.
 */
export function useContractForm<S extends ObjectSchema>(schema: S, labelPrefix: string): ContractForm<S> {
  const { locale, t } = useI18n();
  const { message, modal } = App.useApp();

  return useMemo(() => {
    const shape = schema.shape as Record<string, z.ZodType>;
    const fieldNames = Object.keys(shape);
    const label = (field: string) => t(`${labelPrefix}.${field}` as MessageKey);
    const info = { fieldNames, label, locale };
    return {
      item: (name) => {
        const fieldSchema = shape[name];
        return {
          name,
          label: label(name),
          rules: fieldSchema ? [zodFieldRule(fieldSchema, name, info)] : [],
          required: fieldSchema ? isRequired(fieldSchema) : false,
        };
      },
      validate: (form, values) => {
        const parsed = validateWithSchema(form, schema, values, info);
        if (parsed === null) void message.error(t('error.formInvalid'));
        return parsed;
      },
      handleError: (form, error, onReloadCurrent) => {
        if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
          const unmatched = applyServerFieldErrors(form, error, info);
          void message.error([t('error.formInvalid'), ...unmatched].join(' '));
          return;
        }
        if (error instanceof ApiError && error.code === 'version_conflict') {
          modal.confirm({
            title: t('error.conflictTitle'),
            content: error.message,
            okText: t('error.reloadCurrent'),
            cancelText: t('error.keepMine'),
            onOk: () => onReloadCurrent?.(error.current),
          });
          return;
        }
        void message.error(errorText(error, locale));
      },
    };
  }, [schema, labelPrefix, locale, t, message, modal]);
}

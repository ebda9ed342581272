import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, type FormInstance } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import type { FormLayout } from '../lib/field-spec.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useCurrentUser } from '../lib/session.ts';
import type { ContractForm, ObjectSchema } from '../lib/use-contract-form.ts';
import { FormFields, type FormFieldsOptions } from './form-fields.tsx';

/** What a kind's form takes from the page that shows it: a create page, or a record page in edit mode. */
export interface FormBinding<S extends ObjectSchema, V> {
  form: FormInstance<V>;
  contract: ContractForm<S>;
  initialValues: V;
  saving: boolean;
  onSubmit: (values: V) => void;
  onCancel?: () => void;
}

interface RecordFormProps<S extends ObjectSchema, V extends object> extends Omit<FormBinding<S, V>, 'initialValues'>, FormFieldsOptions {
  initialValues?: NoInfer<V>;
  layout: FormLayout;
  /** The save button's test id. */
  saveTestId: string;
  /** The form's own test id. */
  testId?: string;
  /** Said to a coordinator above the fields (what they may record, within their unit). */
  coordinatorNote?: MessageKey;
  /** Shown above the fields (e.g. "filled in from the catalogue"). */
  before?: ReactNode;
  /** Shown under the fields, above the buttons. */
  after?: ReactNode;
  onValuesChange?: (changed: Partial<V>) => void;
}

/**
 * Enter in a one-line field commits that field (a typed date, a chosen option), never the whole
 * form: twice a half-filled agreement was saved that way. Ctrl+Enter (⌘+Enter) saves from anywhere.
 */
function enterStaysInField(form: FormInstance, saving: boolean) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      if (!saving) form.submit();
    } else if (event.target instanceof HTMLInputElement) {
      // the field's own handler has already run (it sits below the form): this only stops the browser submitting
      event.preventDefault();
    }
  };
}

/**
 * A kind's create or edit form: its described fields (see FormFields), a coordinator's note, and
 * save and cancel (Enter in a field does not save: see enterStaysInField). Item names are the
 * contract's fields, so that validation and the server's field errors land on them.
 */
export function RecordForm<S extends ObjectSchema, V extends object>(props: RecordFormProps<S, V>) {
  const { form, initialValues, saving, onSubmit, onCancel, saveTestId, testId, coordinatorNote, before, after, onValuesChange, ...fields } = props;
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <Form<V> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={onSubmit} onValuesChange={onValuesChange} onKeyDown={enterStaysInField(form, saving)} scrollToFirstError data-testid={testId}>
      {coordinatorNote && user.role === 'coordinator' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(coordinatorNote)} /> : null}
      {before}
      <FormFields {...fields} />
      {after}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} title={t('action.saveShortcut')} aria-keyshortcuts="Control+Enter" data-testid={saveTestId}>
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

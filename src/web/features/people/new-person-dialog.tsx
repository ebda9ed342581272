import type { ReactNode } from 'react';
import { PersonInput, type Person } from '../../../shared/contracts/people.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import type { FormLayout } from '../../lib/field-spec.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { canWriteField, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { peopleApi } from './api.ts';
import { PERSON_FIELDS } from './person-fields.ts';
import { newPersonValues } from './person-form.tsx';
import type { PersonFormValues } from './person-values.ts';

interface NewPersonDialogProps {
  title: string;
  /** Above the fields: why the person is added here, and what is entered later. */
  hint: ReactNode;
  /** Which of a person's fields to ask: all of them (PERSON_FIELDS), or the few a delegation needs. */
  layout?: FormLayout;
  /** Our unit the person belongs to, when the fields do not ask it (a visit's host unit). */
  unitId?: number;
  width: number;
  okText: string;
  okTestId?: string;
  testId?: string;
  /** Say "created" once done (the appointment's expert); a visitor just joins the delegation. */
  announce?: boolean;
  onCreated: (person: Person) => void;
  onClose: () => void;
}

/**
 * Add a person without leaving the form that needs them (a visit's delegation, an appointment's
 * expert): the person is created first (POST /api/people), then handed back. A coordinator's new
 * person is in their unit; personal data only for the roles that may write it.
 */
export function NewPersonDialog({ title, hint, layout = PERSON_FIELDS, unitId, width, okText, okTestId, testId, announce = false, onCreated, onClose }: NewPersonDialogProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const asksUnit = layout.some((section) => section.items.some((item) => 'name' in item && item.name === 'unitId'));
  const { form, contract, submit, saving } = useCreateForm<Person, typeof PersonInput, PersonFormValues>({
    resource: peopleApi,
    schema: PersonInput,
    labelPrefix: 'person.field',
    prepare: (input) => writableInput(user, 'person', input),
    announce,
    onCreated: async (person) => {
      onCreated(person);
      onClose();
    },
  });
  const ok = () => void submit(asksUnit ? form.getFieldsValue(true) : { ...form.getFieldsValue(true), unitId });

  return (
    <FormDialog
      modal={{ open: true, title, width, okText, cancelText: t('action.cancel'), okButtonProps: { 'data-testid': okTestId } as never, confirmLoading: saving, onOk: ok, onCancel: onClose, destroyOnHidden: true }}
      form={form}
      contract={contract}
      initialValues={asksUnit ? newPersonValues(user) : undefined}
      layout={layout}
      omit={canWriteField(user, 'person', 'passportNumber') ? [] : ['personalData']}
      onFinish={ok}
      testId={testId}
      before={hint}
    />
  );
}

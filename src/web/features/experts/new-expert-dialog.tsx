import { Modal, Typography } from 'antd';
import { PersonInput, type Person } from '../../../shared/contracts/people.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { canWriteField, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { peopleApi } from '../people/api.ts';
import { PersonForm } from '../people/person-form.tsx';
import type { PersonFormValues } from '../people/person-values.ts';

/**
 * Add the expert as a person without leaving the appointment form. A coordinator's new person is
 * in their unit: the server lets a coordinator appoint only people within their reach.
 */
export function NewExpertDialog({ onCreated, onClose }: { onCreated: (person: Person) => void; onClose: () => void }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const personalData = canWriteField(user, 'person', 'passportNumber');
  const { form, contract, submit, saving } = useCreateForm<Person, typeof PersonInput, PersonFormValues>({
    resource: peopleApi,
    schema: PersonInput,
    labelPrefix: 'person.field',
    prepare: (input) => writableInput(user, 'person', input),
    onCreated: async (person) => {
      onCreated(person);
      onClose();
    },
  });

  return (
    <Modal open title={t('exp.newExpert')} footer={null} onCancel={onClose} width={820} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('exp.newExpertHint')}</Typography.Paragraph>
      <PersonForm
        form={form}
        contract={contract}
        initialValues={{ otherNames: [], unitId: user.role === 'coordinator' ? (user.unitId ?? undefined) : undefined }}
        personalData={personalData}
        saving={saving}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Modal>
  );
}

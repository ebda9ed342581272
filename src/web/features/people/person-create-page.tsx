import { useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { PersonInput, type Person } from '../../../shared/contracts/people.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can, canWriteField, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { peopleApi } from './api.ts';
import { PersonForm } from './person-form.tsx';
import type { PersonFormValues } from './person-values.ts';

/** Add a person. A coordinator's new person starts in the coordinator's unit. */
export function PersonCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const personalData = canWriteField(user, 'person', 'passportNumber');
  const { form, contract, submit, saving } = useCreateForm<Person, typeof PersonInput, PersonFormValues>({
    resource: peopleApi,
    schema: PersonInput,
    labelPrefix: 'person.field',
    prepare: (input) => writableInput(user, 'person', input),
    onCreated: (created) => navigate({ to: '/people/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'person')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('person.newTitle')} extra={<BackLink to="/people" />} />
      <Card>
        <PersonForm
          form={form}
          contract={contract}
          initialValues={{ otherNames: [], unitId: user.role === 'coordinator' ? (user.unitId ?? undefined) : undefined }}
          personalData={personalData}
          saving={saving}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/people' })}
        />
      </Card>
    </>
  );
}

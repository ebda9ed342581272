import { PersonInput, type Person } from '../../../shared/contracts/people.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { canWriteField } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { peopleApi } from './api.ts';
import { newPersonValues, PersonForm } from './person-form.tsx';
import type { PersonFormValues } from './person-values.ts';

/** Add a person. A coordinator's new person starts in the coordinator's unit; personal data only for the roles that may write it. */
export function PersonCreatePage() {
  const user = useCurrentUser();
  const personalData = canWriteField(user, 'person', 'passportNumber');
  return (
    <CreatePage<Person, typeof PersonInput, PersonFormValues> entity="person" messages="person" record="/people/$id" resource={peopleApi} schema={PersonInput}>
      {(binding) => <PersonForm {...binding} initialValues={newPersonValues(user)} personalData={personalData} />}
    </CreatePage>
  );
}

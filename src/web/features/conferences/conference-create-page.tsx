import { ConferenceInput, type Conference } from '../../../shared/contracts/conferences.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { conferencesApi } from './api.ts';
import { ConferenceForm } from './conference-form.tsx';
import { newConferenceValues, type ConferenceFormValues } from './conference-values.ts';

/** Propose a conference (the office then approves it); then its page. */
export function ConferenceCreatePage() {
  const { role, unitId } = useCurrentUser();
  return (
    <CreatePage<Conference, typeof ConferenceInput, ConferenceFormValues> entity="conference" messages="conf" record="/conferences/$id" resource={conferencesApi} schema={ConferenceInput}>
      {(binding) => <ConferenceForm {...binding} initialValues={newConferenceValues(role === 'coordinator' ? unitId : null)} />}
    </CreatePage>
  );
}

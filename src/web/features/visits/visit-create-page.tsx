import { VisitInput, type Visit } from '../../../shared/contracts/visits.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { visitsApi } from './api.ts';
import { VisitForm } from './visit-form.tsx';
import { newVisitValues, withExplicitInstitutions, type VisitFormValues } from './visit-values.ts';

/** Request an invitation (the visit starts as requested); then its page, where it moves through the workflow. */
export function VisitCreatePage() {
  const user = useCurrentUser();
  return (
    <CreatePage<Visit, typeof VisitInput, VisitFormValues> entity="visit" messages="visit" subtitle="visit.newSubtitle" record="/visits/$id" resource={visitsApi} schema={VisitInput} prepare={withExplicitInstitutions}>
      {(binding) => <VisitForm {...binding} initialValues={newVisitValues(user.unitId)} />}
    </CreatePage>
  );
}

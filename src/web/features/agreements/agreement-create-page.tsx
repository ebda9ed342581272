import { AgreementInput, type Agreement } from '../../../shared/contracts/agreements.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { AgreementForm } from './agreement-form.tsx';
import { newAgreementValues, type AgreementFormValues } from './agreement-values.ts';
import { agreementsApi } from './api.ts';

/** Record a new agreement (a draft); then its page, where it moves along its lifecycle. */
export function AgreementCreatePage() {
  const user = useCurrentUser();
  const unitId = user.role === 'coordinator' ? user.unitId : null;
  return (
    <CreatePage<Agreement, typeof AgreementInput, AgreementFormValues> entity="agreement" messages="agr" record="/agreements/$id" resource={agreementsApi} schema={AgreementInput}>
      {(binding) => <AgreementForm {...binding} initialValues={newAgreementValues(unitId)} />}
    </CreatePage>
  );
}

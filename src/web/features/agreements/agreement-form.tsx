import type { AgreementInput } from '../../../shared/contracts/agreements.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { AGREEMENT_FIELDS } from './agreement-fields.ts';
import type { AgreementFormValues } from './agreement-values.ts';
import { PartnersField } from './partners-field.tsx';

interface AgreementFormProps extends FormBinding<typeof AgreementInput, AgreementFormValues> {
  /** Names of the partners already chosen (an edited agreement's). */
  partnerLabels?: ReadonlyMap<number, string>;
}

/**
 * The agreement form (AGREEMENT_FIELDS) with its partners. A coordinator records only collegiate
 * agreements of their own unit (the server checks it too).
 */
export function AgreementForm({ partnerLabels, ...binding }: AgreementFormProps) {
  const { form, contract } = binding;
  const user = useCurrentUser();
  return (
    <RecordForm
      {...binding}
      layout={AGREEMENT_FIELDS}
      saveTestId="agreement-save"
      coordinatorNote="agr.coordinatorNote"
      disabled={user.role === 'coordinator' ? ['level'] : []}
      onValuesChange={(changed) => {
        // an institutional agreement is the university's, signed by no one unit
        if (changed.level === 'institutional') form.setFieldValue('unitId', undefined);
      }}
      slots={{ partners: <PartnersField form={form} contract={contract} initialLabels={partnerLabels} /> }}
    />
  );
}

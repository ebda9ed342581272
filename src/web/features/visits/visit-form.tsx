import type { VisitInput } from '../../../shared/contracts/visits.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { DelegationField } from './delegation-field.tsx';
import { VISIT_FIELDS } from './visit-fields.ts';
import type { VisitFormValues } from './visit-values.ts';

interface VisitFormProps extends FormBinding<typeof VisitInput, VisitFormValues> {
  /** Names of the visitors and their institutions already on the visit (an edited visit's). */
  peopleLabels?: ReadonlyMap<number, string>;
  institutionLabels?: ReadonlyMap<number, string>;
}

/** The visit form (VISIT_FIELDS) with its delegation. A coordinator's host units are their own unit's subtree (the server checks it too). */
export function VisitForm({ peopleLabels, institutionLabels, ...binding }: VisitFormProps) {
  const { form, contract } = binding;
  return (
    <RecordForm
      {...binding}
      layout={VISIT_FIELDS}
      saveTestId="visit-save"
      coordinatorNote="visit.coordinatorNote"
      slots={{ delegation: <DelegationField form={form} contract={contract} initialPeople={peopleLabels} initialInstitutions={institutionLabels} /> }}
    />
  );
}

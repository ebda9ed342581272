import type { HonourInput } from '../../../shared/contracts/honours.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { HONOUR_FIELDS } from './honour-fields.ts';
import type { HonourFormValues } from './honour-values.ts';

interface HonourFormProps extends FormBinding<typeof HonourInput, HonourFormValues> {
  /** When editing: the holder (who cannot change) and the awarding institution already chosen. */
  holderLabel?: string | null;
  institutionLabel?: string | null;
  editing?: boolean;
}

/** The honour form (HONOUR_FIELDS): the holder of a recorded honour is fixed; which honours are notable is the office's choice (FIELD_RULES). */
export function HonourForm({ holderLabel, institutionLabel, editing, ...binding }: HonourFormProps) {
  return (
    <RecordForm
      {...binding}
      layout={HONOUR_FIELDS}
      saveTestId="honour-save"
      rights={{ kind: 'honour' }}
      disabled={editing ? ['personId'] : []}
      currentLabels={{ personId: holderLabel, awardingInstitutionId: institutionLabel }}
    />
  );
}

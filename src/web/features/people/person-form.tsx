import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import type { PersonInput } from '../../../shared/contracts/people.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { PERSON_FIELDS } from './person-fields.ts';
import type { PersonFormValues } from './person-values.ts';

interface PersonFormProps extends Omit<FormBinding<typeof PersonInput, PersonFormValues>, 'initialValues'> {
  initialValues?: PersonFormValues;
  /** The current institution's name, shown before any search. */
  institutionLabel?: string | null;
  /** Whether to show (and send) birth date and passport number. */
  personalData: boolean;
}

/** The person form (PERSON_FIELDS); personal data fields only for roles that may see them. */
export function PersonForm({ initialValues, institutionLabel, personalData, ...binding }: PersonFormProps) {
  return (
    <RecordForm
      {...binding}
      initialValues={initialValues ?? { otherNames: [] }}
      layout={PERSON_FIELDS}
      saveTestId="person-save"
      omit={personalData ? [] : ['personalData']}
      currentLabels={{ institutionId: institutionLabel }}
    />
  );
}

/** A new person's form: a coordinator's new person starts in the coordinator's unit. */
export function newPersonValues(user: CurrentUser): PersonFormValues {
  return { otherNames: [], unitId: user.role === 'coordinator' ? (user.unitId ?? undefined) : undefined };
}

import type { ReactNode } from 'react';
import type { InstitutionInput } from '../../../shared/contracts/institutions.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import type { InstitutionFormValues } from './form-values.ts';
import { INSTITUTION_FIELDS } from './institution-fields.ts';

interface InstitutionFormProps extends Omit<FormBinding<typeof InstitutionInput, InstitutionFormValues>, 'initialValues'> {
  initialValues?: InstitutionFormValues;
  /** Shown above the fields (e.g. "filled in from the catalogue"). */
  notice?: ReactNode;
}

/** The institution form (INSTITUTION_FIELDS); a blank one is a university with no other names. */
export function InstitutionForm({ initialValues, notice, ...binding }: InstitutionFormProps) {
  return <RecordForm {...binding} initialValues={initialValues ?? { kind: 'university', otherNames: [] }} before={notice} layout={INSTITUTION_FIELDS} saveTestId="institution-save" />;
}

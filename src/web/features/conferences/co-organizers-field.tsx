import type { FormInstance } from 'antd';
import type { ConferenceInput } from '../../../shared/contracts/conferences.ts';
import { InstitutionListField } from '../../components/institution-list-field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import type { ConferenceFormValues } from './conference-values.ts';

interface CoOrganizersFieldProps {
  form: FormInstance<ConferenceFormValues>;
  contract: ContractForm<typeof ConferenceInput>;
  /** Names of the co-organizers already chosen (an edited conference's), shown before any search. */
  initialLabels?: ReadonlyMap<number, string>;
}

/**
 * The partner co-organizers: one row each (a recorded institution, what it did), plus one taken from
 * the reference catalogue, which adds the institution first when it is new (as the agreement form does).
 */
export function CoOrganizersField({ form, contract, initialLabels }: CoOrganizersFieldProps) {
  const { t } = useI18n();
  const { name, label } = contract.item('partners');
  return (
    <InstitutionListField
      form={form}
      name={name as string}
      label={label}
      second={{ name: 'role', label: t('conf.partnerRole'), maxLength: 200 }}
      selectLabel={t('conf.field.partners')}
      removeLabel={t('conf.removePartner')}
      catalogue={{ title: t('conf.catalogueTitle'), hint: t('conf.catalogueHint'), added: (n) => t('conf.partnerAdded', { name: n }) }}
      testId="conference-partner"
      initialLabels={initialLabels}
    />
  );
}

import type { FormInstance } from 'antd';
import type { AgreementInput } from '../../../shared/contracts/agreements.ts';
import { InstitutionListField } from '../../components/institution-list-field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import type { AgreementFormValues } from './agreement-values.ts';

interface PartnersFieldProps {
  form: FormInstance<AgreementFormValues>;
  contract: ContractForm<typeof AgreementInput>;
  /** Names of the partners already chosen (an edited agreement's), shown before any search. */
  initialLabels?: ReadonlyMap<number, string>;
}

/**
 * The partner institutions: one row each (a recorded institution, their own unit), plus a partner
 * taken from the reference catalogue, which adds the institution first when it is new.
 */
export function PartnersField({ form, contract, initialLabels }: PartnersFieldProps) {
  const { t } = useI18n();
  const { name, label, rules, required } = contract.item('partners');
  return (
    <InstitutionListField
      form={form}
      name={name as string}
      label={label}
      rules={rules}
      required={required}
      second={{ name: 'partnerUnit', label: t('agr.field.partnerUnit'), maxLength: 300 }}
      selectLabel={t('agr.field.partners')}
      removeLabel={t('agr.removePartner')}
      catalogue={{ title: t('agr.catalogueTitle'), hint: t('agr.catalogueHint'), added: (n) => t('agr.partnerAdded', { name: n }) }}
      testId="agreement-partner"
      initialLabels={initialLabels}
    />
  );
}

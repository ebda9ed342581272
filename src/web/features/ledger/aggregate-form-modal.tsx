import { Form, Select } from 'antd';
import { AggregateInput, type Aggregate } from '../../../shared/contracts/ledger.ts';
import { DateInput, ISO_DATE, toDay } from '../../components/date-input.tsx';
import { FormDialog } from '../../components/form-dialog.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useDialogForm } from '../../lib/use-dialog-form.ts';
import { AGGREGATE_FIELDS } from './aggregate-fields.ts';
import { useAggregateMutations } from './api.ts';
import { categoryOptions } from './ledger-labels.tsx';

type AggregateFormValues = Partial<Omit<Aggregate, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

function toValues(a: Aggregate): AggregateFormValues {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = a;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? undefined])) as AggregateFormValues;
}

/** Create or edit an aggregate count (officers and administrators), in a dialog. */
export function AggregateFormModal({ aggregate, onClose }: { aggregate?: Aggregate; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { create, update } = useAggregateMutations();
  const { form, contract, modalProps } = useDialogForm({
    record: aggregate,
    schema: AggregateInput,
    labelPrefix: 'ledger.field',
    create,
    update,
    toFormValues: toValues,
    onClose,
  });
  const startDate = Form.useWatch('startDate', form);

  return (
    <FormDialog
      modal={{ ...modalProps, width: 760, title: aggregate ? t('aggregate.editTitle') : t('aggregate.createTitle') }}
      form={form}
      contract={contract}
      initialValues={aggregate ? toValues(aggregate) : { direction: 'outbound', who: 'staff' }}
      layout={AGGREGATE_FIELDS}
      slots={{
        category: (
          <Form.Item {...contract.item('category')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions(locale)} data-testid="aggregate-category" />
          </Form.Item>
        ),
        endDate: (
          <Form.Item {...contract.item('endDate')}>
            {/* opens on the start's month, and offers no day before it (the contract refuses one: end_before_start) */}
            <DateInput style={{ width: '100%' }} defaultPickerValue={toDay(startDate) ?? undefined} disabledDate={(day) => startDate !== undefined && day.format(ISO_DATE) < startDate} />
          </Form.Item>
        ),
      }}
    />
  );
}

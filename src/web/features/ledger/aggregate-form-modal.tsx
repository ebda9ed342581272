import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { AggregateInput, DIRECTIONS, WHO, type Aggregate } from '../../../shared/contracts/ledger.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateInput, ISO_DATE, toDay } from '../../components/date-input.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useDialogForm } from '../../lib/use-dialog-form.ts';
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
  const half = { xs: 24, md: 12 };
  const startDate = Form.useWatch('startDate', form);

  return (
    <Modal {...modalProps} width={760} title={aggregate ? t('aggregate.editTitle') : t('aggregate.createTitle')}>
      <Form<AggregateFormValues> form={form} layout="vertical" initialValues={aggregate ? toValues(aggregate) : { direction: 'outbound', who: 'staff' }}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item {...contract.item('direction')}>
              <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`ledger.direction.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('who')}>
              <Select options={WHO.map((w) => ({ value: w, label: t(`ledger.who.${w}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('count')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('category')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions(locale)} data-testid="aggregate-category" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('startDate')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('endDate')}>
              {/* opens on the start's month, and offers no day before it (the contract refuses one: end_before_start) */}
              <DateInput style={{ width: '100%' }} defaultPickerValue={toDay(startDate) ?? undefined} disabledDate={(day) => startDate !== undefined && day.format(ISO_DATE) < startDate} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('countryCode')}>
              <CountrySelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item {...contract.item('unitId')}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...contract.item('institutionId')}>
              <InstitutionSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...contract.item('sourceDocument')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...contract.item('notes')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

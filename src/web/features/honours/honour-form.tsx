import { SaveOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import { DATE_PRECISIONS, HONOUR_KINDS, type HonourInput } from '../../../shared/contracts/honours.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { canWriteField } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { PersonSelect } from '../visits/person-select.tsx';
import type { HonourFormValues } from './honour-values.ts';

interface HonourFormProps {
  form: FormInstance<HonourFormValues>;
  contract: ContractForm<typeof HonourInput>;
  initialValues: HonourFormValues;
  /** When editing: the holder (who cannot change) and the awarding institution already chosen. */
  holderLabel?: string | null;
  institutionLabel?: string | null;
  editing?: boolean;
  saving: boolean;
  onSubmit: (values: HonourFormValues) => void;
  onCancel?: () => void;
}

/** The honour form: holder, what it is (kind and names), who gave it and where, when (with how precisely), notable. */
export function HonourForm({ form, contract, initialValues, holderLabel, institutionLabel, editing, saving, onSubmit, onCancel }: HonourFormProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Form<HonourFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={onSubmit} scrollToFirstError>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('personId')}>
            <PersonSelect currentLabel={holderLabel} disabled={editing} data-testid="honour-person" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('kind')}>
            <Select options={HONOUR_KINDS.map((k) => ({ value: k, label: t(`honour.kind.${k}` as MessageKey) }))} data-testid="honour-kind" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('nameEn')}>
            <Input maxLength={300} data-testid="honour-name-en" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('nameOriginal')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('nameZh')}>
            <Input maxLength={300} lang="zh" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('nameFr')}>
            <Input maxLength={300} lang="fr" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('awardingInstitutionId')} extra={t('hon.bodyHint')}>
            <InstitutionSelect currentLabel={institutionLabel} allowClear />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('awardingBody')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('countryCode')}>
            <CountrySelect allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('conferredOn')} extra={t('hon.dateHint')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('datePrecision')}>
            <Select options={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`honour.precision.${p}` as MessageKey) }))} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('unitId')} extra={t('hon.unitHint')}>
            <UnitSelect within={coordinator ? user.unitId : undefined} allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...contract.item('notable')} valuePropName="checked">
        <Switch disabled={!canWriteField(user, 'honour', 'notable')} data-testid="honour-notable-switch" />
      </Form.Item>
      <Form.Item {...contract.item('citation')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="honour-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

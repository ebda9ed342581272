import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Switch, type FormInstance } from 'antd';
import { AGREEMENT_KINDS, AGREEMENT_LEVELS, type AgreementInput } from '../../../shared/contracts/agreements.ts';
import { DateInput } from '../../components/date-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { useAgreementLabels } from './agreement-labels.tsx';
import type { AgreementFormValues } from './agreement-values.ts';
import { PartnersField } from './partners-field.tsx';

interface AgreementFormProps {
  form: FormInstance<AgreementFormValues>;
  contract: ContractForm<typeof AgreementInput>;
  initialValues: AgreementFormValues;
  /** Names of the partners already chosen (an edited agreement's). */
  partnerLabels?: ReadonlyMap<number, string>;
  saving: boolean;
  onSubmit: (values: AgreementFormValues) => void;
  onCancel?: () => void;
}

// A cleared InputNumber gives null; the contract's defaults apply to an absent value only.
const absentIfNull = (value: unknown) => value ?? undefined;

/**
 * The agreement form: titles, parties, term, quotas, notes; item names are the contract's fields.
 * A coordinator records only collegiate agreements of their own unit (the server checks it too).
 */
export function AgreementForm({ form, contract, initialValues, partnerLabels, saving, onSubmit, onCancel }: AgreementFormProps) {
  const { t } = useI18n();
  const labels = useAgreementLabels();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const level = Form.useWatch('level', form) ?? initialValues.level;
  const autoRenewal = Form.useWatch('autoRenewal', form) ?? initialValues.autoRenewal;
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };
  const quarter = { xs: 12, md: 6 };
  const count = (field: 'studentsInPerYear' | 'studentsOutPerYear' | 'staffInPerYear' | 'staffOutPerYear') => (
    <Col {...quarter}>
      <Form.Item {...contract.item(field)} normalize={absentIfNull}>
        <InputNumber min={0} max={10000} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Form<AgreementFormValues>
      form={form}
      layout="vertical"
      clearOnDestroy
      initialValues={initialValues}
      onFinish={onSubmit}
      onValuesChange={(changed: AgreementFormValues) => {
        // an institutional agreement is the university's, signed by no one unit
        if (changed.level === 'institutional') form.setFieldValue('unitId', undefined);
      }}
      scrollToFirstError
    >
      {coordinator ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('agr.coordinatorNote')} /> : null}
      <Divider titlePlacement="start" plain>
        {t('agr.section.titles')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('titleEn')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('titleZh')}>
            <Input maxLength={500} lang="zh" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('titleFr')}>
            <Input maxLength={500} lang="fr" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('kind')}>
            <Select options={AGREEMENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('agr.section.parties')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('level')}>
            <Select disabled={coordinator} options={AGREEMENT_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          {level === 'collegiate' ? (
            <Form.Item {...contract.item('unitId')} required>
              <UnitSelect within={coordinator ? user.unitId : undefined} />
            </Form.Item>
          ) : null}
        </Col>
      </Row>
      <PartnersField form={form} contract={contract} initialLabels={partnerLabels} />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('ourSignatory')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('partnerSignatory')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('agr.section.term')}
      </Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('signedOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('effectiveOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('expiresOn')} extra={t('agr.expiresHint')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('autoRenewal')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...third}>
          {autoRenewal ? (
            <Form.Item {...contract.item('renewalTermMonths')} normalize={absentIfNull} required>
              <InputNumber min={1} max={240} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('renewalLeadMonths')} normalize={absentIfNull}>
            <InputNumber min={0} max={60} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('agr.section.quotas')}
      </Divider>
      <Row gutter={16}>
        {count('studentsInPerYear')}
        {count('studentsOutPerYear')}
        {count('staffInPerYear')}
        {count('staffOutPerYear')}
      </Row>
      <Form.Item {...contract.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="agreement-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

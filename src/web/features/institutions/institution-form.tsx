import { SaveOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { InstitutionInput } from '../../../shared/contracts/institutions.ts';
import { INSTITUTION_KINDS } from '../../../shared/contracts/institutions.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import type { InstitutionFormValues } from './form-values.ts';

interface InstitutionFormProps {
  form: FormInstance<InstitutionFormValues>;
  contract: ContractForm<typeof InstitutionInput>;
  initialValues?: InstitutionFormValues;
  saving: boolean;
  onSubmit: (values: InstitutionFormValues) => void;
  onCancel?: () => void;
  /** Shown above the fields (e.g. "filled in from the catalogue"). */
  notice?: ReactNode;
}

/** The institution form: names, place, identifiers, notes; item names are the contract's fields. */
export function InstitutionForm({ form, contract, initialValues, saving, onSubmit, onCancel, notice }: InstitutionFormProps) {
  const { t } = useI18n();
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Form<InstitutionFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues ?? { kind: 'university', otherNames: [] }} onFinish={onSubmit} scrollToFirstError>
      {notice}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('kind')}>
            <Select options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`inst.kind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('inst.section.names')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('nameEn')}>
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
        <Col {...half}>
          <Form.Item {...contract.item('nameLocal')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item {...contract.item('otherNames')} tooltip={t('inst.otherNamesHint')}>
            <Select mode="tags" open={false} tokenSeparators={[';']} placeholder={t('inst.otherNamesHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('inst.section.place')}
      </Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('countryCode')}>
            <CountrySelect />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('city')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('website')}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('inst.section.identifiers')}
      </Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('ror')}>
            <Input placeholder="05f82e368" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('schac')}>
            <Input placeholder="u-paris.fr" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('erasmusCode')}>
            <Input placeholder="F PARIS479" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('pic')}>
            <Input placeholder="999999999" maxLength={9} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('referenceRef')}>
            <Input disabled />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...contract.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="institution-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

import { LockOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Flex, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import type { PersonInput } from '../../../shared/contracts/people.ts';
import { GENDERS } from '../../../shared/contracts/people.ts';
import dayjs from 'dayjs';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import type { PersonFormValues } from './person-values.ts';

interface PersonFormProps {
  form: FormInstance<PersonFormValues>;
  contract: ContractForm<typeof PersonInput>;
  initialValues?: PersonFormValues;
  /** The current institution's name, shown before any search. */
  institutionLabel?: string | null;
  /** Whether to show (and send) birth date and passport number. */
  personalData: boolean;
  saving: boolean;
  onSubmit: (values: PersonFormValues) => void;
  onCancel?: () => void;
}

/** The person form; personal data fields only for roles that may see them. */
export function PersonForm({ form, contract, initialValues, institutionLabel, personalData, saving, onSubmit, onCancel }: PersonFormProps) {
  const { t } = useI18n();
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Form<PersonFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues ?? { otherNames: [] }} onFinish={onSubmit} scrollToFirstError>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('familyName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('givenName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('nameZh')}>
            <Input maxLength={100} lang="zh" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item {...contract.item('otherNames')}>
            <Select mode="tags" open={false} tokenSeparators={[';']} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('gender')}>
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`person.gender.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('nationality')}>
            <CountrySelect />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('email')}>
            <Input type="email" maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('institutionId')}>
            <InstitutionSelect currentLabel={institutionLabel} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('title')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('unitId')}>
            <UnitSelect />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item {...contract.item('notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
        </Col>
      </Row>
      {personalData ? (
        <>
          <Divider titlePlacement="start" plain>
            <LockOutlined /> {t('person.personalData')}
          </Divider>
          <Typography.Paragraph type="secondary">{t('person.personalDataHint')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item {...contract.item('birthDate')}>
                <DateInput style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item {...contract.item('passportNumber')}>
                <Input maxLength={20} style={{ textTransform: 'uppercase' }} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="person-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

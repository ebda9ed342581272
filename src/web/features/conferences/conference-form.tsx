import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Typography, type FormInstance } from 'antd';
import type { ConferenceInput, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { DateInput } from '../../components/date-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { useSettingValue } from '../settings/api.ts';
import { CoOrganizersField } from './co-organizers-field.tsx';
import type { ConferenceFormValues } from './conference-values.ts';

interface ConferenceFormProps {
  form: FormInstance<ConferenceFormValues>;
  contract: ContractForm<typeof ConferenceInput>;
  initialValues: ConferenceFormValues;
  /** The conference's status when editing; absent for a new one. */
  status?: ConferenceStatus;
  /** Names of the co-organizers already chosen. */
  partnerLabels?: ReadonlyMap<number, string>;
  saving: boolean;
  onSubmit: (values: ConferenceFormValues) => void;
  onCancel?: () => void;
}

// A cleared InputNumber gives null; the contract's defaults apply to an absent value only.
const absentIfNull = (value: unknown) => value ?? undefined;

/**
 * The conference form: titles, dates and venue, host unit and co-organizers, scale, notes; the
 * summary once the conference is held (closing submits it). Item names are the contract's fields.
 */
export function ConferenceForm({ form, contract, initialValues, status, partnerLabels, saving, onSubmit, onCancel }: ConferenceFormProps) {
  const { t, formatNumber } = useI18n();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const threshold = useSettingValue('conference.majorForeignParticipants');
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };
  const submit = (values: ConferenceFormValues) =>
    // a co-organizer row left empty is no co-organizer
    onSubmit({ ...values, partners: (values.partners ?? []).filter((p) => p.institutionId != null) });

  return (
    <Form<ConferenceFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={submit} scrollToFirstError>
      {coordinator ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('conf.coordinatorNote')} /> : null}
      <Divider titlePlacement="start" plain>
        {t('conf.section.titles')}
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
          <Form.Item {...contract.item('venue')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('startDate')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('endDate')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('conf.section.organizers')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('hostUnitId')}>
            <UnitSelect within={coordinator ? user.unitId : undefined} />
          </Form.Item>
        </Col>
      </Row>
      <CoOrganizersField form={form} contract={contract} initialLabels={partnerLabels} />
      <Divider titlePlacement="start" plain>
        {t('conf.section.scale')}
      </Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('participants')} normalize={absentIfNull}>
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            {...contract.item('foreignParticipants')}
            normalize={absentIfNull}
            extra={threshold === undefined ? null : t('conf.majorHint', { n: formatNumber(threshold) })}
          >
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('countriesRepresented')} normalize={absentIfNull}>
            <InputNumber min={0} max={300} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {status === 'held' || status === 'closed' ? (
        <Form.Item {...contract.item('summary')} extra={status === 'held' ? t('conf.summaryDraftHint') : null}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} maxLength={50000} />
        </Form.Item>
      ) : null}
      <Form.Item {...contract.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      {status === undefined ? (
        <Typography.Paragraph type="secondary">{t('conf.newHint')}</Typography.Paragraph>
      ) : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="conference-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

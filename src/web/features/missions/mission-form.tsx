import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import { FUNDING_SOURCES, MISSION_PURPOSES, type MissionInput, type MissionStatus } from '../../../shared/contracts/missions.ts';
import { DateInput } from '../../components/date-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { canWriteField } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { DestinationsField } from './destinations-field.tsx';
import { MembersField } from './members-field.tsx';
import { useMissionLabels } from './mission-labels.tsx';
import type { MissionFormValues } from './mission-values.ts';

interface MissionFormProps {
  form: FormInstance<MissionFormValues>;
  contract: ContractForm<typeof MissionInput>;
  initialValues: MissionFormValues;
  /** Names of the members and hosts already on the mission (an edited mission's). */
  peopleLabels?: ReadonlyMap<number, string>;
  institutionLabels?: ReadonlyMap<number, string>;
  /** The edited mission's status (none for a new request): a closed mission's approval number is on file. */
  status?: MissionStatus;
  saving: boolean;
  onSubmit: (values: MissionFormValues) => void;
  onCancel?: () => void;
}

/**
 * The mission form: what, when and which unit sends it, the itinerary with its hosts, our staff,
 * the approval number and the funding; item names are the contract's fields. A coordinator's
 * units are their own unit's subtree (the server checks it too); the approval number is the office's,
 * and on file once the mission is closed (FIELD_RULES: the page leaves it out of what it sends).
 */
export function MissionForm({ form, contract, initialValues, peopleLabels, institutionLabels, status, saving, onSubmit, onCancel }: MissionFormProps) {
  const { t } = useI18n();
  const labels = useMissionLabels();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Form<MissionFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={onSubmit} scrollToFirstError>
      {coordinator ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('mission.coordinatorNote')} /> : null}
      <Divider titlePlacement="start" plain>
        {t('mission.section.mission')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('titleEn')}>
            <Input maxLength={500} data-testid="mission-title-en" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('titleZh')}>
            <Input maxLength={500} lang="zh" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('startDate')}>
            <DateInput style={{ width: '100%' }} data-testid="mission-start" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('endDate')}>
            <DateInput style={{ width: '100%' }} data-testid="mission-end" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('purpose')}>
            <Select options={MISSION_PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) }))} data-testid="mission-purpose" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('unitId')}>
            <UnitSelect within={coordinator ? user.unitId : undefined} data-testid="mission-unit" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('mission.section.itinerary')}
      </Divider>
      <DestinationsField form={form} contract={contract} initialInstitutions={institutionLabels} />
      <Form.Item {...contract.item('invitationReference')}>
        <Input maxLength={300} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('mission.section.members')}
      </Divider>
      <MembersField form={form} contract={contract} initialPeople={peopleLabels} />
      <Divider titlePlacement="start" plain>
        {t('mission.section.approval')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('fundingSource')}>
            <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: labels.funding(f) }))} data-testid="mission-funding" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('approvalDocumentNo')}>
            <Input maxLength={100} disabled={!canWriteField(user, 'mission', 'approvalDocumentNo', status)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...contract.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="mission-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}

import { ArrowUpOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Row, Select, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../shared/contracts/people.ts';
import { MEMBER_ROLES, type MissionInput } from '../../../shared/contracts/missions.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { personNames } from '../people/person-values.ts';
import { PersonSelect } from '../../components/person-select.tsx';
import { useMissionLabels } from './mission-labels.tsx';
import type { MissionFormValues } from './mission-values.ts';

interface MembersFieldProps {
  form: FormInstance<MissionFormValues>;
  contract: ContractForm<typeof MissionInput>;
  /** Names of the people already on the mission, shown before any search. */
  initialPeople?: ReadonlyMap<number, string>;
}

/** Our staff on the mission, the leader first: a recorded person (searched in any script) and their role. */
export function MembersField({ form, contract, initialPeople }: MembersFieldProps) {
  const { t, locale } = useI18n();
  const labels = useMissionLabels();
  const [people, setPeople] = useState<ReadonlyMap<number, string>>(() => new Map(initialPeople));
  const { name, label, rules, required } = contract.item('members');
  const learn = (person: Person) => setPeople((prev) => new Map(prev).set(person.id, personNames(person, locale).primary));

  return (
    <Form.Item label={label} required={required} extra={t('mission.membersHint')}>
      <Form.List name={name as string} rules={rules as never}>
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top" data-testid="mission-member-row">
                <Col xs={24} md={12}>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const id = form.getFieldValue(['members', field.name, 'personId']) as number | undefined;
                      return (
                        <Form.Item name={[field.name, 'personId']} style={{ marginBottom: 8 }}>
                          <PersonSelect currentLabel={id == null ? null : people.get(id)} onPicked={learn} aria-label={t('mission.member.person')} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={18} md={8}>
                  <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8 }}>
                    <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: labels.role(r) }))} aria-label={t('mission.member.role')} placeholder={t('mission.member.role')} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4}>
                  <Flex>
                    {index > 0 ? <Button type="text" icon={<ArrowUpOutlined />} aria-label={t('visit.member.moveUp')} title={t('visit.member.moveUp')} onClick={() => move(index, index - 1)} /> : null}
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('mission.member.remove')} title={t('mission.member.remove')} onClick={() => remove(field.name)} />
                  </Flex>
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'member' })} data-testid="mission-add-member">
                {t('mission.member.add')}
              </Button>
              {fields.length === 0 ? <Typography.Text type="secondary">{t('mission.membersHint')}</Typography.Text> : null}
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

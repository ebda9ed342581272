import { ArrowUpOutlined, MinusCircleOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Form, Input, Row, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../shared/contracts/people.ts';
import type { VisitInput } from '../../../shared/contracts/visits.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { personNames } from '../people/person-values.ts';
import { NewPersonDialog } from '../people/new-person-dialog.tsx';
import { VISITOR_FIELDS } from './visit-fields.ts';
import { PersonSelect } from '../../components/person-select.tsx';
import type { MemberRow, VisitFormValues } from './visit-values.ts';

interface DelegationFieldProps {
  form: FormInstance<VisitFormValues>;
  contract: ContractForm<typeof VisitInput>;
  /** Names of the people and institutions already on the visit, shown before any search. */
  initialPeople?: ReadonlyMap<number, string>;
  initialInstitutions?: ReadonlyMap<number, string>;
}

// Column widths of a visitor row: person, role, institution, country, buttons.
const COLS = [
  { xs: 24, md: 6 },
  { xs: 24, md: 5 },
  { xs: 24, md: 6 },
  { xs: 18, md: 5 },
  { xs: 6, md: 2 },
] as const;

/**
 * The delegation, head first: one row per visitor (a recorded person, their role, and the
 * institution and country or region they come from on this visit, taken from the person when
 * picked), and a dialog for a visitor not recorded yet, who is created as a person first.
 */
export function DelegationField({ form, contract, initialPeople, initialInstitutions }: DelegationFieldProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [people, setPeople] = useState<ReadonlyMap<number, string>>(() => new Map(initialPeople));
  const [institutions, setInstitutions] = useState<ReadonlyMap<number, string>>(() => new Map(initialInstitutions));
  const [newPersonOpen, setNewPersonOpen] = useState(false);
  const hostUnitId = Form.useWatch('hostUnitId', form);
  const { name, label, rules, required } = contract.item('members');

  /** Remember how to name the person and their institution; returns the row's defaults from the person. */
  const learn = (person: Person): MemberRow => {
    setPeople((prev) => new Map(prev).set(person.id, personNames(person, locale).primary));
    if (person.institutionId != null && person.institutionName) setInstitutions((prev) => new Map(prev).set(person.institutionId!, person.institutionName!));
    return { personId: person.id, institutionId: person.institutionId, countryCode: person.nationality ?? undefined };
  };

  const picked = (index: number, person: Person) => {
    const defaults = learn(person);
    form.setFieldValue(['members', index, 'institutionId'], defaults.institutionId);
    form.setFieldValue(['members', index, 'countryCode'], defaults.countryCode);
  };

  const created = (person: Person) => {
    const row = learn(person);
    const rows: MemberRow[] = form.getFieldValue('members') ?? [];
    // fill the first row without a visitor, or add one
    const empty = rows.findIndex((r) => r.personId == null);
    const next = empty >= 0 ? rows.map((r, i) => (i === empty ? { ...r, ...row } : r)) : [...rows, row];
    form.setFieldValue('members', next);
    void form.validateFields(['members']);
    void message.success(t('visit.personAdded', { name: personNames(person, locale).primary }));
  };

  return (
    <Form.Item label={label} required={required} extra={t('visit.membersHint')}>
      <Form.List name={name as string} rules={rules as never}>
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.length > 0 ? (
              <Row gutter={8} style={{ marginBottom: 4 }}>
                {[t('visit.member.person'), t('visit.member.role'), t('visit.member.institution'), t('visit.member.country')].map((heading, i) => (
                  <Col key={heading} {...COLS[i]}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {heading}
                    </Typography.Text>
                  </Col>
                ))}
              </Row>
            ) : null}
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top" data-testid="visit-member-row">
                <Col {...COLS[0]}>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const id = form.getFieldValue(['members', field.name, 'personId']) as number | undefined;
                      return (
                        <Form.Item name={[field.name, 'personId']} style={{ marginBottom: 8 }}>
                          <PersonSelect currentLabel={id == null ? null : people.get(id)} onPicked={(person) => picked(field.name, person)} aria-label={t('visit.member.person')} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col {...COLS[1]}>
                  <Form.Item name={[field.name, 'roleInDelegation']} style={{ marginBottom: 8 }}>
                    <Input maxLength={100} placeholder={t('visit.member.rolePlaceholder')} aria-label={t('visit.member.role')} />
                  </Form.Item>
                </Col>
                <Col {...COLS[2]}>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const id = form.getFieldValue(['members', field.name, 'institutionId']) as number | null | undefined;
                      return (
                        <Form.Item name={[field.name, 'institutionId']} style={{ marginBottom: 8 }}>
                          <InstitutionSelect currentLabel={id == null ? null : institutions.get(id)} aria-label={t('visit.member.institution')} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col {...COLS[3]}>
                  <Form.Item name={[field.name, 'countryCode']} style={{ marginBottom: 8 }}>
                    <CountrySelect placeholder={t('visit.member.countryPlaceholder')} aria-label={t('visit.member.country')} />
                  </Form.Item>
                </Col>
                <Col {...COLS[4]}>
                  <Flex>
                    {index > 0 ? (
                      <Button type="text" icon={<ArrowUpOutlined />} aria-label={t('visit.member.moveUp')} title={t('visit.member.moveUp')} onClick={() => move(index, index - 1)} />
                    ) : null}
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('visit.member.remove')} title={t('visit.member.remove')} onClick={() => remove(field.name)} />
                  </Flex>
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="visit-add-member">
                {t('visit.addVisitor')}
              </Button>
              <Button icon={<UserAddOutlined />} onClick={() => setNewPersonOpen(true)} data-testid="visit-new-person">
                {t('visit.newPerson')}
              </Button>
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {newPersonOpen ? (
        <NewPersonDialog
          title={t('visit.newPersonTitle')}
          hint={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('visit.newPersonHint')} />}
          layout={VISITOR_FIELDS}
          unitId={hostUnitId ?? (user.role === 'coordinator' ? (user.unitId ?? undefined) : undefined)}
          width={720}
          okText={t('action.create')}
          okTestId="new-person-ok"
          testId="new-person-form"
          onCreated={created}
          onClose={() => setNewPersonOpen(false)}
        />
      ) : null}
    </Form.Item>
  );
}

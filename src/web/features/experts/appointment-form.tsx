import { UserAddOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import type { AppointmentInput, AppointmentStatus } from '../../../shared/contracts/appointments.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { PersonSelect } from '../../components/person-select.tsx';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { NewPersonDialog } from '../people/new-person-dialog.tsx';
import { APPOINTMENT_FIELDS } from './appointment-fields.ts';
import type { AppointmentFormValues } from './appointment-values.ts';

interface AppointmentFormProps extends FormBinding<typeof AppointmentInput, AppointmentFormValues> {
  /** The appointment's status when editing; absent for a new one. */
  status?: AppointmentStatus;
  /** The home institution's name, shown before any search. */
  institutionLabel?: string | null;
}

/**
 * The appointment form: the expert (picked, or added on the spot), title, appointing unit, home
 * institution, term, notes. The expert of a recorded appointment does not change (that would be
 * another appointment); once a title is conferred, what was conferred is the office's to change.
 */
export function AppointmentForm({ status, institutionLabel, ...binding }: AppointmentFormProps) {
  const { form, contract } = binding;
  const { t } = useI18n();
  const user = useCurrentUser();
  const coordinator = user.role === 'coordinator';
  const conferredLocked = coordinator && status !== undefined && status !== 'proposed';
  const [created, setCreated] = useState<Person | null>(null);
  const [adding, setAdding] = useState(false);

  const picked = (person: Person) => {
    setCreated(person);
    form.setFieldValue('personId', person.id);
    // the expert's institution is the appointment's, unless one is already chosen
    if (person.institutionId && !form.getFieldValue('institutionId')) form.setFieldValue('institutionId', person.institutionId);
    void form.validateFields(['personId']);
  };

  return (
    <>
      <RecordForm
        {...binding}
        layout={APPOINTMENT_FIELDS}
        saveTestId="appointment-save"
        coordinatorNote={conferredLocked ? 'exp.conferredNote' : 'exp.coordinatorNote'}
        disabled={conferredLocked ? ['title', 'unitId', 'startDate', 'endDate'] : []}
        currentLabels={{ institutionId: institutionLabel ?? (created?.institutionId ? created.institutionName : null) }}
        slots={{
          expert: (
            <Form.Item label={contract.item('personId').label} required>
              <Flex gap={8}>
                <Form.Item {...contract.item('personId')} noStyle>
                  <PersonSelect
                    browse
                    extra={created}
                    placeholder={t('exp.personSearch')}
                    disabled={status !== undefined}
                    style={{ flex: 1 }}
                    aria-label={t('exp.field.personId')}
                    data-testid="appointment-person"
                  />
                </Form.Item>
                {status === undefined && can(user, 'create', 'person') ? (
                  <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="appointment-new-person">
                    {t('exp.newExpert')}
                  </Button>
                ) : null}
              </Flex>
            </Form.Item>
          ),
        }}
      />
      {/* outside the form: the person form is a form of its own */}
      {adding ? (
        <NewPersonDialog
          title={t('exp.newExpert')}
          hint={<Typography.Paragraph type="secondary">{t('exp.newExpertHint')}</Typography.Paragraph>}
          width={820}
          okText={t('action.save')}
          okTestId="person-save"
          announce
          onCreated={picked}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}

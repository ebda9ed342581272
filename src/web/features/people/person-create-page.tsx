import { Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Form } from 'antd';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can, canSeePersonalData } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { useCreatePerson } from './api.ts';
import { PersonForm } from './person-form.tsx';
import { withoutPersonalData, type PersonFormValues } from './person-values.ts';

/** Add a person. A coordinator's new person starts in the coordinator's unit. */
export function PersonCreatePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<PersonFormValues>();
  const contract = useContractForm(PersonInput, 'person.field');
  const create = useCreatePerson();
  const personalData = canSeePersonalData(user);

  if (!can(user, 'create', 'person')) return <ForbiddenPage />;

  const submit = async (values: PersonFormValues) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      const created = await create.mutateAsync(withoutPersonalData(input, personalData));
      void message.success(t('common.created'));
      await navigate({ to: '/people/$id', params: { id: String(created.id) } });
    } catch (err) {
      contract.handleError(form, err);
    }
  };

  return (
    <>
      <PageHeader
        title={t('person.newTitle')}
        extra={
          <Link to="/people">
            <Button>{t('action.back')}</Button>
          </Link>
        }
      />
      <Card>
        <PersonForm
          form={form}
          contract={contract}
          initialValues={{ otherNames: [], unitId: user.role === 'coordinator' ? (user.unitId ?? undefined) : undefined }}
          personalData={personalData}
          saving={create.isPending}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/people' })}
        />
      </Card>
    </>
  );
}

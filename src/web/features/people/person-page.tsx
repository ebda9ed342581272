import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Col, Form, Popconfirm, Row } from 'antd';
import { useState } from 'react';
import { PersonInput, type Person } from '../../../shared/contracts/people.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { ErrorPage, LoadingPage } from '../../components/status-pages.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can, canSeeAudit, canSeePersonalData } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { personKeys, useDeletePerson, usePerson, useUpdatePerson } from './api.ts';
import { PersonDetails } from './person-details.tsx';
import { PersonForm } from './person-form.tsx';
import { personNames, toPersonFormValues, withoutPersonalData, type PersonFormValues } from './person-values.ts';

const route = getRouteApi('/app/people/$id');

/** One person: details or the edit form, and the history of the record. */
export function PersonPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = Number(route.useParams().id);
  const { data: person, error, isLoading } = usePerson(id);
  const update = useUpdatePerson(id);
  const remove = useDeletePerson();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<PersonFormValues>();
  const contract = useContractForm(PersonInput, 'person.field');
  const personalData = canSeePersonalData(user);

  if (isLoading) return <LoadingPage />;
  if (error || !person) return <ErrorPage error={error} />;

  const save = async (values: PersonFormValues) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      await update.mutateAsync({ ...withoutPersonalData(input, personalData), version: person.version });
      void message.success(t('common.saved'));
      setEditing(false);
    } catch (err) {
      contract.handleError(form, err, (current) => {
        const fresh = current as Person;
        client.setQueryData(personKeys.one(id), fresh);
        form.setFieldsValue(toPersonFormValues(fresh));
      });
    }
  };

  const destroy = async () => {
    try {
      await remove.mutateAsync({ id, version: person.version });
      void message.success(t('common.deleted'));
      await navigate({ to: '/people' });
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const { primary, secondary } = personNames(person, locale);

  return (
    <>
      <PageHeader
        title={primary}
        subtitle={[secondary, person.title, person.institutionName].filter(Boolean).join(' · ')}
        extra={
          <>
            <Link to="/people">
              <Button>{t('action.back')}</Button>
            </Link>
            {can(user, 'edit', 'person', person) && !editing ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('action.edit')}
              </Button>
            ) : null}
            {can(user, 'delete', 'person', person) ? (
              <Popconfirm title={t('person.deleteConfirm')} description={t('common.deleteConfirm')} onConfirm={destroy}>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('action.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canSeeAudit(user) ? 15 : 24}>
          <Card title={editing ? t('action.edit') : t('common.details')}>
            {editing ? (
              <PersonForm
                form={form}
                contract={contract}
                initialValues={toPersonFormValues(person)}
                institutionLabel={person.institutionName}
                personalData={personalData}
                saving={update.isPending}
                onSubmit={save}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <PersonDetails person={person} personalData={personalData} />
            )}
          </Card>
        </Col>
        {canSeeAudit(user) ? (
          <Col xs={24} xl={9}>
            <Card title={t('common.history')}>
              <RecordHistory entity="person" entityId={person.id} />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}

import { useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { ConferenceInput, type Conference } from '../../../shared/contracts/conferences.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { conferencesApi } from './api.ts';
import { ConferenceForm } from './conference-form.tsx';
import { newConferenceValues, type ConferenceFormValues } from './conference-values.ts';

/** Propose a conference (the office then approves it); then its page. */
export function ConferenceCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { form, contract, submit, saving } = useCreateForm<Conference, typeof ConferenceInput, ConferenceFormValues>({
    resource: conferencesApi,
    schema: ConferenceInput,
    labelPrefix: 'conf.field',
    onCreated: (created) => navigate({ to: '/conferences/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'conference')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('conf.newTitle')} extra={<BackLink to="/conferences" />} />
      <Card>
        <ConferenceForm
          form={form}
          contract={contract}
          initialValues={newConferenceValues(user.role === 'coordinator' ? user.unitId : null)}
          saving={saving}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/conferences' })}
        />
      </Card>
    </>
  );
}

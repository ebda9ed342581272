import { useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { VisitInput, type Visit } from '../../../shared/contracts/visits.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { visitsApi } from './api.ts';
import { VisitForm } from './visit-form.tsx';
import { newVisitValues, withExplicitInstitutions, type VisitFormValues } from './visit-values.ts';

/** Request an invitation (the visit starts as requested); then its page, where it moves through the workflow. */
export function VisitCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { form, contract, submit, saving } = useCreateForm<Visit, typeof VisitInput, VisitFormValues>({
    resource: visitsApi,
    schema: VisitInput,
    labelPrefix: 'visit.field',
    prepare: withExplicitInstitutions,
    onCreated: (created) => navigate({ to: '/visits/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'visit')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('visit.newTitle')} subtitle={t('visit.newSubtitle')} extra={<BackLink to="/visits" />} />
      <Card>
        <VisitForm
          form={form}
          contract={contract}
          initialValues={newVisitValues(user.unitId)}
          saving={saving}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/visits' })}
        />
      </Card>
    </>
  );
}

import { useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { AgreementInput, type Agreement } from '../../../shared/contracts/agreements.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { AgreementForm } from './agreement-form.tsx';
import { newAgreementValues, type AgreementFormValues } from './agreement-values.ts';
import { agreementsApi } from './api.ts';

/** Record a new agreement (a draft); then its page, where it moves along its lifecycle. */
export function AgreementCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { form, contract, submit, saving } = useCreateForm<Agreement, typeof AgreementInput, AgreementFormValues>({
    resource: agreementsApi,
    schema: AgreementInput,
    labelPrefix: 'agr.field',
    onCreated: (created) => navigate({ to: '/agreements/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'agreement')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('agr.newTitle')} extra={<BackLink to="/agreements" />} />
      <Card>
        <AgreementForm
          form={form}
          contract={contract}
          initialValues={newAgreementValues(user.role === 'coordinator' ? user.unitId : null)}
          saving={saving}
          onSubmit={submit}
          onCancel={() => void navigate({ to: '/agreements' })}
        />
      </Card>
    </>
  );
}

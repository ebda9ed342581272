import { useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { MissionInput, type Mission } from '../../../shared/contracts/missions.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { missionsApi } from './api.ts';
import { MissionForm } from './mission-form.tsx';
import { newMissionValues, type MissionFormValues } from './mission-values.ts';

/** Request a mission abroad (it starts as requested); then its page, where it moves through the workflow. */
export function MissionCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { form, contract, submit, saving } = useCreateForm<Mission, typeof MissionInput, MissionFormValues>({
    resource: missionsApi,
    schema: MissionInput,
    labelPrefix: 'mission.field',
    prepare: (input) => writableInput(user, 'mission', input),
    onCreated: (created) => navigate({ to: '/missions/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'mission')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader title={t('mission.newTitle')} subtitle={t('mission.newSubtitle')} extra={<BackLink to="/missions" />} />
      <Card>
        <MissionForm form={form} contract={contract} initialValues={newMissionValues(user.unitId)} saving={saving} onSubmit={submit} onCancel={() => void navigate({ to: '/missions' })} />
      </Card>
    </>
  );
}

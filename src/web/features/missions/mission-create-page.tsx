import { MissionInput, type Mission } from '../../../shared/contracts/missions.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { missionsApi } from './api.ts';
import { MissionForm } from './mission-form.tsx';
import { newMissionValues, type MissionFormValues } from './mission-values.ts';

/** Request a mission abroad (it starts as requested); then its page, where it moves through the workflow. */
export function MissionCreatePage() {
  const user = useCurrentUser();
  return (
    <CreatePage<Mission, typeof MissionInput, MissionFormValues> entity="mission" messages="mission" subtitle="mission.newSubtitle" record="/missions/$id" resource={missionsApi} schema={MissionInput}>
      {(binding) => <MissionForm {...binding} initialValues={newMissionValues(user.unitId)} />}
    </CreatePage>
  );
}

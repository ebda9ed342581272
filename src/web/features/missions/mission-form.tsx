import type { MissionInput, MissionStatus } from '../../../shared/contracts/missions.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { DestinationsField } from './destinations-field.tsx';
import { MembersField } from './members-field.tsx';
import { MISSION_FIELDS } from './mission-fields.ts';
import type { MissionFormValues } from './mission-values.ts';

interface MissionFormProps extends FormBinding<typeof MissionInput, MissionFormValues> {
  /** Names of the members and hosts already on the mission (an edited mission's). */
  peopleLabels?: ReadonlyMap<number, string>;
  institutionLabels?: ReadonlyMap<number, string>;
  /** The edited mission's status (none for a new request): a closed mission's approval number is on file. */
  status?: MissionStatus;
}

/**
 * The mission form (MISSION_FIELDS) with its itinerary and its members. A coordinator's units are
 * their own unit's subtree (the server checks it too); the approval number is the office's, and on
 * file once the mission is closed (FIELD_RULES: the page leaves it out of what it sends).
 */
export function MissionForm({ peopleLabels, institutionLabels, status, ...binding }: MissionFormProps) {
  const { form, contract } = binding;
  return (
    <RecordForm
      {...binding}
      layout={MISSION_FIELDS}
      saveTestId="mission-save"
      coordinatorNote="mission.coordinatorNote"
      rights={{ kind: 'mission', state: status }}
      slots={{
        destinations: <DestinationsField form={form} contract={contract} initialInstitutions={institutionLabels} />,
        members: <MembersField form={form} contract={contract} initialPeople={peopleLabels} />,
      }}
    />
  );
}

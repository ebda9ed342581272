import type { Locale } from '../../../shared/contracts/common.ts';
import { MISSION_DELETABLE_STATUSES, MissionInput, type Mission } from '../../../shared/contracts/missions.ts';
import { MISSION_KIND } from '../../../shared/kinds/mission.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { ReportSection } from '../../components/report-section.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { missionsApi, useMissionTransition } from './api.ts';
import { MissionDetails } from './mission-details.tsx';
import { MissionForm } from './mission-form.tsx';
import { memberName, missionTitle, unitName, useMissionLabels } from './mission-labels.tsx';
import { toMissionFormValues } from './mission-values.ts';
import { MISSION_WORKFLOW } from './mission-workflow.ts';

/** The names the edit form shows for the members and hosts already on the mission. */
function formLabels(m: Mission, locale: Locale) {
  return {
    peopleLabels: new Map(m.members.map((x) => [x.personId, memberName(x, locale)])),
    institutionLabels: new Map(m.destinations.flatMap((d) => (d.institutionId != null ? [[d.institutionId, (locale === 'zh' ? d.institutionNameZh : null) ?? d.institutionNameEn ?? `#${d.institutionId}`] as const] : []))),
  };
}

/** One mission: details or the edit form, the workflow with the approval and the report, the history. */
export function MissionPage() {
  const { locale } = useI18n();
  const labels = useMissionLabels();
  const user = useCurrentUser();

  return (
    <RecordPage
      kind={{ entity: 'mission', resource: missionsApi, schema: MissionInput, messages: 'mission', toFormValues: toMissionFormValues, listPath: '/missions' }}
      prepare={(input, m) => writableInput(user, 'mission', input, m.status)}
      header={(m) => {
        const other = locale === 'zh' ? m.titleEn : m.titleZh;
        return { title: missionTitle(m, locale), subtitle: [other, `${m.startDate} – ${m.endDate}`, unitName(m, locale), labels.purpose(m.purpose)].filter(Boolean).join(' · ') };
      }}
      mayEdit={(m) => can(user, 'edit', 'mission') && !MISSION_KIND.frozen.includes(m.status)}
      mayDelete={(m) => MISSION_DELETABLE_STATUSES.includes(m.status)}
      details={(m) => <MissionDetails mission={m} />}
      editForm={(props, m) => <MissionForm {...props} {...formLabels(m, locale)} status={m.status} />}
      below={(m) => (
        <WorkflowCard record={m} workflow={MISSION_WORKFLOW} useTransition={useMissionTransition} report={<ReportSection record={m} kind="mission" useUpdate={missionsApi.useUpdate} />} />
      )}
    />
  );
}

import { getRouteApi } from '@tanstack/react-router';
import { VISIT_DELETABLE_STATUSES, VISIT_FROZEN_STATUSES, VisitInput, type Visit } from '../../../shared/contracts/visits.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { visitsApi } from './api.ts';
import { DelegationCard } from './delegation-card.tsx';
import { VisitDetails } from './visit-details.tsx';
import { VisitFilesCard } from './visit-files-card.tsx';
import { VisitForm } from './visit-form.tsx';
import { hostUnitName, memberName, visitTitle, useVisitLabels } from './visit-labels.tsx';
import { toVisitFormValues, withExplicitInstitutions } from './visit-values.ts';
import { WorkflowCard } from './workflow-card.tsx';

const route = getRouteApi('/app/visits/$id');

/** The names the edit form shows for the visitors and institutions already on the visit. */
function formLabels(v: Visit, locale: Parameters<typeof memberName>[1]) {
  return {
    peopleLabels: new Map(v.members.map((m) => [m.personId, memberName(m, locale)])),
    institutionLabels: new Map(v.members.flatMap((m) => (m.institutionId != null ? [[m.institutionId, (locale === 'zh' ? m.institutionNameZh : null) ?? m.institutionNameEn ?? `#${m.institutionId}`] as const] : []))),
  };
}

/** One visit: details or the edit form, the workflow and report, the delegation with its letters, the files, the history. */
export function VisitPage() {
  const { t, locale } = useI18n();
  const labels = useVisitLabels();
  const user = useCurrentUser();
  const id = Number(route.useParams().id);
  const editable = (v: Visit) => can(user, 'edit', 'visit') && !VISIT_FROZEN_STATUSES.includes(v.status);

  return (
    <RecordPage
      key={id}
      resource={visitsApi}
      id={id}
      schema={VisitInput}
      labelPrefix="visit.field"
      toFormValues={toVisitFormValues}
      prepare={withExplicitInstitutions}
      listPath="/visits"
      entity="visit"
      header={(v) => {
        const other = locale === 'zh' ? v.titleEn : v.titleZh;
        return { title: visitTitle(v, locale), subtitle: [other, `${v.startDate} – ${v.endDate}`, hostUnitName(v, locale), labels.purpose(v.purpose)].filter(Boolean).join(' · ') };
      }}
      deleteConfirm={t('visit.deleteConfirm')}
      mayEdit={editable}
      mayDelete={(v) => VISIT_DELETABLE_STATUSES.includes(v.status)}
      details={(v) => <VisitDetails visit={v} />}
      editForm={(props, v) => <VisitForm {...props} {...formLabels(v, locale)} />}
      below={(v) => (
        <>
          <WorkflowCard visit={v} />
          <DelegationCard visit={v} />
          <VisitFilesCard visit={v} editable={editable(v)} />
        </>
      )}
    />
  );
}

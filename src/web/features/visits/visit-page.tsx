import { delegationHead, LETTER_STATUSES, VISIT_DELETABLE_STATUSES, VisitInput, type Visit } from '../../../shared/contracts/visits.ts';
import { VISIT_KIND } from '../../../shared/kinds/visit.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { ReportSection } from '../../components/report-section.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useVisitTransition, visitsApi } from './api.ts';
import { DelegationCard } from './delegation-card.tsx';
import { DocumentsButton, type Addressee } from '../documents/documents-button.tsx';
import { VisitDetails } from './visit-details.tsx';
import { VisitFilesCard } from './visit-files-card.tsx';
import { VisitForm } from './visit-form.tsx';
import { hostUnitName, memberName, visitTitle, useVisitLabels } from './visit-labels.tsx';
import { toVisitFormValues, withExplicitInstitutions } from './visit-values.ts';
import { VISIT_WORKFLOW } from './visit-workflow.ts';

/** The names the edit form shows for the visitors and institutions already on the visit. */
function formLabels(v: Visit, locale: Parameters<typeof memberName>[1]) {
  return {
    peopleLabels: new Map(v.members.map((m) => [m.personId, memberName(m, locale)])),
    institutionLabels: new Map(v.members.flatMap((m) => (m.institutionId != null ? [[m.institutionId, (locale === 'zh' ? m.institutionNameZh : null) ?? m.institutionNameEn ?? `#${m.institutionId}`] as const] : []))),
  };
}

/** Whom the visit's letters may be addressed to: the head of the delegation first, then the others as listed. */
function letterAddressees(v: Visit, locale: Parameters<typeof memberName>[1]): Addressee[] {
  const head = delegationHead(v.members);
  return [head, ...v.members.filter((m) => m !== head)].map((m) => ({ id: m.personId, label: [memberName(m, locale), m.roleInDelegation].filter(Boolean).join(' · ') }));
}

/** One visit: details or the edit form, the workflow and report, the delegation with its letters, the files, the history. */
export function VisitPage() {
  const { locale } = useI18n();
  const labels = useVisitLabels();
  const user = useCurrentUser();
  const editable = (v: Visit) => can(user, 'edit', 'visit') && !VISIT_KIND.frozen.includes(v.status);

  return (
    <RecordPage
      kind={{ entity: 'visit', resource: visitsApi, schema: VisitInput, messages: 'visit', toFormValues: toVisitFormValues, listPath: '/visits' }}
      prepare={withExplicitInstitutions}
      header={(v) => {
        const other = locale === 'zh' ? v.titleEn : v.titleZh;
        return { title: visitTitle(v, locale), subtitle: [other, `${v.startDate} – ${v.endDate}`, hostUnitName(v, locale), labels.purpose(v.purpose)].filter(Boolean).join(' · ') };
      }}
      mayEdit={editable}
      actions={(v) =>
        LETTER_STATUSES.includes(v.status) ? (
          <DocumentsButton kinds={['invitation_letter', 'visa_support_letter']} record={{ recordId: v.id }} addressees={letterAddressees(v, locale)} period={{ start: v.startDate, end: v.endDate }} />
        ) : null
      }
      mayDelete={(v) => VISIT_DELETABLE_STATUSES.includes(v.status)}
      details={(v) => <VisitDetails visit={v} />}
      editForm={(props, v) => <VisitForm {...props} {...formLabels(v, locale)} />}
      below={(v) => (
        <>
          <WorkflowCard record={v} workflow={VISIT_WORKFLOW} useTransition={useVisitTransition} report={<ReportSection record={v} kind="visit" useUpdate={visitsApi.useUpdate} />} />
          <DelegationCard visit={v} />
          <VisitFilesCard visit={v} editable={editable(v)} />
        </>
      )}
    />
  );
}

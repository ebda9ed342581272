import { ConferenceInput, DELETABLE_CONFERENCE_STATUSES } from '../../../shared/contracts/conferences.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { conferencesApi, useConferenceTransition } from './api.ts';
import { AttendeesCard } from './attendees-card.tsx';
import { ConferenceDetails } from './conference-details.tsx';
import { ConferenceForm } from './conference-form.tsx';
import { conferenceTitle, otherTitle } from './conference-labels.tsx';
import { toConferenceFormValues } from './conference-values.ts';
import { CONFERENCE_WORKFLOW } from './conference-workflow.ts';

/** One conference: details or the edit form, its workflow and summary, its attendee list, its history. */
export function ConferencePage() {
  const { locale } = useI18n();
  const user = useCurrentUser();

  return (
    <RecordPage
      kind={{ entity: 'conference', resource: conferencesApi, schema: ConferenceInput, messages: 'conf', toFormValues: toConferenceFormValues, listPath: '/conferences' }}
      header={(c) => ({ title: conferenceTitle(c, locale), subtitle: [otherTitle(c, locale), `${c.startDate} – ${c.endDate}`, c.venue].filter(Boolean).join(' · ') })}
      mayDelete={(c) => DELETABLE_CONFERENCE_STATUSES.includes(c.status)}
      details={(c) => <ConferenceDetails conference={c} />}
      editForm={(props, c) => (
        <ConferenceForm {...props} status={c.status} partnerLabels={new Map(c.partners.map((p) => [p.institutionId, (locale === 'zh' ? p.nameZh : null) ?? p.nameEn]))} />
      )}
      below={(c) => (
        <>
          <WorkflowCard record={c} workflow={CONFERENCE_WORKFLOW} useTransition={useConferenceTransition} />
          <AttendeesCard conference={c} editable={can(user, 'edit', 'conference')} />
        </>
      )}
    />
  );
}

import { getRouteApi } from '@tanstack/react-router';
import { ConferenceInput, DELETABLE_CONFERENCE_STATUSES } from '../../../shared/contracts/conferences.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { conferencesApi } from './api.ts';
import { AttendeesCard } from './attendees-card.tsx';
import { ConferenceDetails } from './conference-details.tsx';
import { ConferenceForm } from './conference-form.tsx';
import { conferenceTitle, otherTitle } from './conference-labels.tsx';
import { toConferenceFormValues } from './conference-values.ts';
import { ConferenceWorkflowCard } from './conference-workflow-card.tsx';

const route = getRouteApi('/app/conferences/$id');

/** One conference: details or the edit form, its workflow and summary, its attendee list, its history. */
export function ConferencePage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const id = Number(route.useParams().id);

  return (
    <RecordPage
      key={id}
      resource={conferencesApi}
      id={id}
      schema={ConferenceInput}
      labelPrefix="conf.field"
      toFormValues={toConferenceFormValues}
      listPath="/conferences"
      entity="conference"
      header={(c) => ({ title: conferenceTitle(c, locale), subtitle: [otherTitle(c, locale), `${c.startDate} – ${c.endDate}`, c.venue].filter(Boolean).join(' · ') })}
      deleteConfirm={t('conf.deleteConfirm')}
      mayDelete={(c) => DELETABLE_CONFERENCE_STATUSES.includes(c.status)}
      details={(c) => <ConferenceDetails conference={c} />}
      editForm={(props, c) => (
        <ConferenceForm {...props} status={c.status} partnerLabels={new Map(c.partners.map((p) => [p.institutionId, (locale === 'zh' ? p.nameZh : null) ?? p.nameEn]))} />
      )}
      below={(c) => (
        <>
          <ConferenceWorkflowCard conference={c} />
          <AttendeesCard conference={c} editable={can(user, 'edit', 'conference')} />
        </>
      )}
    />
  );
}

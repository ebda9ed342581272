import { PersonInput } from '../../../shared/contracts/people.ts';
import { useNavigate } from '@tanstack/react-router';
import { MergeAction } from '../../components/merge-dialog.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { canSeePersonalData, canWriteField, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { InboundRecordCard } from '../experts/inbound-record-card.tsx';
import { peopleApi } from './api.ts';
import { PersonDetails } from './person-details.tsx';
import { PersonForm } from './person-form.tsx';
import { ErasedBanner, PersonRightsActions } from './person-rights.tsx';
import { personNames, toPersonFormValues } from './person-values.ts';
import { PersonVisitsCard } from '../visits/person-visits-card.tsx';
import { PersonHonoursCard } from '../honours/person-honours-card.tsx';
import { PersonEnrolmentsCard } from '../students/person-enrolments-card.tsx';

/** One person: details or the edit form, the history of the record, and a merge into another record of the same person. */
export function PersonPage() {
  const { locale } = useI18n();
  const user = useCurrentUser();
  const personalData = canSeePersonalData(user);
  const navigate = useNavigate();

  return (
    <RecordPage
      kind={{ entity: 'person', resource: peopleApi, schema: PersonInput, messages: 'person', toFormValues: toPersonFormValues, listPath: '/people' }}
      prepare={(input) => writableInput(user, 'person', input)}
      header={(person) => {
        const { primary, secondary } = personNames(person, locale);
        return { title: primary, subtitle: [secondary, person.title, person.institutionName].filter(Boolean).join(' · ') };
      }}
      actions={(person) => (
        <>
          <PersonRightsActions person={person} />
          {person.erasedAt ? null : (
            <MergeAction
              entity="person"
              resource="people"
              record={person}
              name={personNames(person, locale).primary}
              picker={({ value, onChange, id }) => <PersonSelect id={id} value={value} onChange={onChange} style={{ width: '100%' }} data-testid="merge-into" />}
              onMerged={(into) => void navigate({ to: '/people/$id', params: { id: String(into) } })}
            />
          )}
        </>
      )}
      // An erased person stays erased: the server refuses an edit (409 person_erased), so none is offered.
      mayEdit={(person) => !person.erasedAt}
      details={(person) => (
        <>
          <ErasedBanner person={person} />
          <PersonDetails person={person} personalData={personalData} />
        </>
      )}
      editForm={(props, person) => <PersonForm {...props} institutionLabel={person.institutionName} personalData={canWriteField(user, 'person', 'passportNumber')} />}
      below={(person) => (
        <>
          <InboundRecordCard personId={person.id} />
          <PersonVisitsCard personId={person.id} />
          <PersonHonoursCard personId={person.id} />
          <PersonEnrolmentsCard personId={person.id} />
        </>
      )}
    />
  );
}

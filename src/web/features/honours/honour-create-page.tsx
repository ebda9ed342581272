import { getRouteApi } from '@tanstack/react-router';
import { HonourInput, type Honour } from '../../../shared/contracts/honours.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useUrlPerson } from '../../lib/use-url-person.ts';
import { honoursApi } from './api.ts';
import { HonourForm } from './honour-form.tsx';
import { newHonourValues, type HonourFormValues } from './honour-values.ts';

const route = getRouteApi('/app/honours/new');

/** Record an honour (for the person named in the URL, when recorded from their page); then its page. */
export function HonourCreatePage() {
  const { personId } = route.useSearch();
  const { person, waiting } = useUrlPerson(personId);
  const holderLabel = person ? [person.familyName, person.givenName, person.nameZh].filter(Boolean).join(' ') : null;
  return (
    <CreatePage<Honour, typeof HonourInput, HonourFormValues> entity="honour" messages="hon" record="/honours/$id" resource={honoursApi} schema={HonourInput} waiting={waiting}>
      {(binding) => <HonourForm {...binding} holderLabel={holderLabel} initialValues={newHonourValues(personId)} />}
    </CreatePage>
  );
}

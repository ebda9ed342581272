import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { HonourInput, type Honour } from '../../../shared/contracts/honours.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { api } from '../../lib/api.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can, writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { honoursApi } from './api.ts';
import { HonourForm } from './honour-form.tsx';
import { newHonourValues, type HonourFormValues } from './honour-values.ts';

const route = getRouteApi('/app/honours/new');

/** Record an honour (for the person named in the URL, when recorded from their page); then its page. */
export function HonourCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { personId } = route.useSearch();
  // The holder named in the URL, so that the form shows their name rather than a number.
  const holder = useQuery({
    queryKey: ['people', 'one', personId],
    enabled: personId !== undefined,
    queryFn: ({ signal }) => api.get<Person>(`/people/${personId}`, signal),
  });
  const { form, contract, submit, saving } = useCreateForm<Honour, typeof HonourInput, HonourFormValues>({
    resource: honoursApi,
    schema: HonourInput,
    labelPrefix: 'hon.field',
    prepare: (input) => writableInput(user, 'honour', input),
    onCreated: (created) => navigate({ to: '/honours/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'honour')) return <ForbiddenPage />;
  if (personId !== undefined && holder.isLoading) return null;
  const holderLabel = holder.data ? [holder.data.familyName, holder.data.givenName, holder.data.nameZh].filter(Boolean).join(' ') : null;

  return (
    <>
      <PageHeader title={t('hon.newTitle')} extra={<BackLink to="/honours" />} />
      <Card>
        <HonourForm form={form} contract={contract} holderLabel={holderLabel} initialValues={newHonourValues(personId)} saving={saving} onSubmit={submit} onCancel={() => void navigate({ to: '/honours' })} />
      </Card>
    </>
  );
}

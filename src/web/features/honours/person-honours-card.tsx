import { Link } from '@tanstack/react-router';
import { AddButton, TableCard } from '../../components/table-card.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { usePersonHonours } from './api.ts';
import { awardedByName, dateAsKnown, HonourTitle } from './honour-labels.tsx';

/** The honours from abroad a person has received, oldest first, on their page. */
export function PersonHonoursCard({ personId }: { personId: number }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { data, isLoading, error } = usePersonHonours(personId);
  // Another unit's person is not found for a coordinator: nothing to show, not an error.
  if (error) return null;

  return (
    <TableCard
      title={t('hon.personHonours')}
      testId="person-honours"
      loading={isLoading}
      extra={
        can(user, 'create', 'honour') ? (
          <Link to="/honours/new" search={{ personId }}>
            <AddButton label={t('hon.addForPerson')} />
          </Link>
        ) : null
      }
      empty={t('hon.personNone')}
      rows={data?.items ?? []}
      columns={[
        { key: 'conferred', title: t('hon.conferred'), width: 110, render: (_, h) => dateAsKnown(h) },
        { key: 'honour', title: t('hon.honour'), render: (_, h) => <Link to="/honours/$id" params={{ id: String(h.id) }}><HonourTitle honour={h} /></Link> },
        { key: 'kind', title: t('hon.field.kind'), width: 180, render: (_, h) => t(`honour.kind.${h.kind}` as MessageKey) },
        { key: 'by', title: t('hon.awardedBy'), render: (_, h) => awardedByName(h, locale) ?? t('common.empty') },
      ]}
    />
  );
}

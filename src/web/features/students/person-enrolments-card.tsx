import { Link } from '@tanstack/react-router';
import { AddButton, TableCard } from '../../components/table-card.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { usePersonEnrolments } from './api.ts';
import { programmeName, StudentStatusTag } from './student-labels.tsx';

/** A person's degree studies here, on their page: shown only when they have some (or the user may record one). */
export function PersonEnrolmentsCard({ personId }: { personId: number }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { data, isLoading, error } = usePersonEnrolments(personId);
  // Another unit's person is not found for a coordinator: nothing to show, not an error.
  if (error) return null;
  const items = data?.items ?? [];
  const mayCreate = can(user, 'create', 'student');
  if (!isLoading && items.length === 0 && !mayCreate) return null;

  return (
    <TableCard
      title={t('stu.personEnrolments')}
      testId="person-enrolments"
      loading={isLoading}
      extra={
        mayCreate ? (
          <Link to="/students/new" search={{ personId }}>
            <AddButton label={t('stu.addForPerson')} />
          </Link>
        ) : null
      }
      empty={t('stu.personNone')}
      rows={items}
      columns={[
        { key: 'level', title: t('stu.field.level'), width: 150, render: (_, e) => t(`student.level.${e.level}` as MessageKey) },
        { key: 'programme', title: t('stu.field.programmeEn'), render: (_, e) => <Link to="/students/$id" params={{ id: String(e.id) }}>{programmeName(e, locale)}</Link> },
        { key: 'enrolledOn', title: t('stu.field.enrolledOn'), width: 120, render: (_, e) => e.enrolledOn ?? t('common.empty') },
        { key: 'status', title: t('stu.field.status'), width: 110, render: (_, e) => <StudentStatusTag status={e.status} /> },
      ]}
    />
  );
}

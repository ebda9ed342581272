import { getRouteApi, Link } from '@tanstack/react-router';
import { Tag } from 'antd';
import { STUDENT_STATUSES, type ProgrammeStudent } from '../../../shared/contracts/programmes.ts';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { studentsApi, studentsFileUrl, useProgrammes } from './api.ts';
import type { StudentsSearch } from './programmes-search.ts';

const route = getRouteApi('/app/programmes/students');

/** The programme's students: search, cohort, status and placement filters, all in the URL; CSV and Excel of the same list. */
export function StudentsPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = studentsApi.useList(search);
  const programmes = useProgrammes().data?.items ?? [];
  const cohorts = programmes.filter((p) => !search.programmeId || p.id === search.programmeId).flatMap((p) => p.cohorts);

  return (
    <ListPage<ProgrammeStudent, StudentsSearch>
      title={t('prg.students')}
      extra={
        search.asOf ? (
          <Tag closable onClose={() => void navigate({ search: { ...search, asOf: undefined, page: undefined } })} data-testid="students-as-of">
            {t('prg.asOf', { date: search.asOf })}
          </Tag>
        ) : null
      }
      exports={{ href: (format) => studentsFileUrl(search, format), testId: 'students', labels: { csv: 'prg.exportCsv', xlsx: 'prg.exportXlsx' }, icon: 'download' }}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="studentNumber"
      result={result}
      searchBox={{ testId: 'students-search', placeholder: t('prg.searchPlaceholder'), width: 240 }}
      filters={[
        { type: 'select', key: 'cohortId', options: [...cohorts].sort((a, b) => b.entryYear - a.entryYear).map((c) => ({ value: c.id, label: String(c.entryYear) })), placeholder: t('prg.allCohorts'), width: 160, testId: 'students-cohort' },
        { type: 'select', key: 'status', options: STUDENT_STATUSES.map((s) => ({ value: s, label: t(`programme.studentStatus.${s}` as MessageKey) })), placeholder: t('prg.allStatuses'), width: 160, testId: 'students-status' },
        { type: 'flag', key: 'placed', yes: t('prg.placedOnly'), no: t('prg.notPlaced'), placeholder: t('prg.placedFilter'), width: 180, testId: 'students-placed' },
      ]}
      columns={[
        { key: 'studentNumber', sortable: true, title: t('prg.number'), width: 140, render: (_, s) => <Link to="/programmes/students/$id" params={{ id: String(s.id) }}>{s.studentNumber}</Link> },
        { key: 'familyName', sortable: true, title: t('prg.name'), render: (_, s) => `${s.person.nameZh ?? ''} ${[s.person.familyName, s.person.givenName].filter(Boolean).join(' ')}`.trim() },
        { key: 'entryYear', sortable: true, title: t('prg.cohort'), width: 110, render: (_, s) => s.entryYear },
        { key: 'status', sortable: true, title: t('prg.status'), width: 140, render: (_, s) => t(`programme.studentStatus.${s.status}` as MessageKey) },
        { key: 'placed', title: t('prg.host'), render: (_, s) => s.placedAt ?? t('common.empty') },
      ]}
    />
  );
}

import { getRouteApi, Link } from '@tanstack/react-router';
import { Space, Tag, Typography } from 'antd';
import { STUDENT_FUNDING, STUDENT_LEVELS, STUDENT_STATUSES, type StudentEnrolment } from '../../../shared/contracts/students.ts';
import { CountryName } from '../../components/country-select.tsx';
import { DistinctGroups } from '../../components/distinct-groups.tsx';
import { filtersOf, splitGrouping } from '../../lib/group-search.ts';
import { ListPage } from '../../components/list-page.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { studentsApi, studentsFileUrl } from './api.ts';
import { programmeName, StudentName, StudentStatusTag } from './student-labels.tsx';
import type { StudentsSearch } from './students-search.ts';
import { newestFirst } from '../../lib/list-url-state.ts';
import { NationalComparisonCard } from '../national-statistics/national-comparison-card.tsx';

const route = getRouteApi('/app/students');

/** International degree students: search, filters (level, status, country, unit, programme, funding, years) in the URL; CSV and Excel of the same list. */
export function InternationalStudentsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const search = newestFirst(route.useSearch(), 'enrolledOn');
  const navigate = route.useNavigate();
  const { query, groupBy } = splitGrouping(search);
  const result = studentsApi.useList(query);
  const page = result.data as (Page<StudentEnrolment> & { persons?: number }) | undefined;

  return (
    <>
    <ListPage<StudentEnrolment, StudentsSearch>
      title={t('nav.students')}
      create={can(user, 'create', 'student') ? { to: '/students/new', label: t('stu.add') } : undefined}
      extra={
        <Space>
          {search.counted === 'true' ? (
            <Tag closable onClose={() => void navigate({ search: { ...search, counted: undefined, from: undefined, asOf: undefined, degree: undefined, region: undefined, page: undefined } })} data-testid="students-counted">
              {t('stu.counted', { date: search.asOf ?? '' })}
            </Tag>
          ) : null}
          {page?.persons !== undefined ? (
            <Typography.Text type="secondary" data-testid="students-persons">
              {t('stu.persons', { persons: page.persons, total: page.total })}
            </Typography.Text>
          ) : null}
        </Space>
      }
      above={
        groupBy === 'country' ? (
          <DistinctGroups
            grouping={groupBy}
            apiPath="/students"
            query={filtersOf(query)}
            name={(e) => <CountryName code={e.countryCode} />}
            onClose={() => void navigate({ search: { ...search, groupBy: undefined } })}
          />
        ) : null
      }
      exports={{ href: (format) => studentsFileUrl(query, format), testId: 'students', labels: { csv: 'stu.exportCsv', xlsx: 'stu.exportXlsx' }, icon: 'download' }}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="enrolledOn"
      result={result}
      searchBox={{ testId: 'students-search', placeholder: t('stu.searchPlaceholder'), width: 260 }}
      filters={[
        { type: 'select', key: 'level', options: STUDENT_LEVELS.map((l) => ({ value: l, label: t(`student.level.${l}` as MessageKey) })), placeholder: t('stu.allLevels'), width: 170, testId: 'students-level' },
        { type: 'select', key: 'status', options: STUDENT_STATUSES.map((s) => ({ value: s, label: t(`student.status.${s}` as MessageKey) })), placeholder: t('stu.allStatuses'), width: 150, testId: 'students-status' },
        { type: 'country', key: 'country', placeholder: t('stu.allCountries'), width: 190 },
        { type: 'unit', key: 'unitId', placeholder: t('agr.allUnits'), width: 190 },
        { type: 'text', key: 'programme', placeholder: t('stu.programmeFilter'), width: 170 },
        { type: 'select', key: 'funding', options: STUDENT_FUNDING.map((f) => ({ value: f, label: t(`student.funding.${f}` as MessageKey) })), placeholder: t('stu.allFunding'), width: 190 },
        { type: 'year', key: 'fromYear', placeholder: t('stu.fromYear'), width: 130 },
        { type: 'year', key: 'toYear', placeholder: t('stu.toYear'), width: 100 },
      ]}
      columns={[
        {
          key: 'familyName',
          sortable: true,
          title: t('stu.student'),
          render: (_, e) => (
            <Link to="/students/$id" params={{ id: String(e.id) }}>
              <StudentName person={e.person} />
            </Link>
          ),
        },
        { key: 'countryCode', sortable: true, title: t('stu.field.countryCode'), width: 170, render: (_, e) => <CountryName code={e.countryCode} /> },
        { key: 'level', title: t('stu.field.level'), width: 130, render: (_, e) => t(`student.level.${e.level}` as MessageKey) },
        { key: 'programme', title: t('stu.field.programmeEn'), width: 240, render: (_, e) => programmeName(e, locale) },
        { key: 'enrolledOn', sortable: true, title: t('stu.field.enrolledOn'), width: 120, render: (_, e) => e.enrolledOn ?? t('common.empty') },
        { key: 'status', title: t('stu.field.status'), width: 110, render: (_, e) => <StudentStatusTag status={e.status} /> },
      ]}
    />
    <NationalComparisonCard />
    </>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { STUDENT_FUNDING, STUDENT_LEVELS, STUDENT_STATUSES, type StudentEnrolment } from '../../../shared/contracts/students.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { studentsApi, studentsFileUrl } from './api.ts';
import { programmeName, StudentName, StudentStatusTag } from './student-labels.tsx';
import type { StudentsSearch } from './students-search.ts';

const route = getRouteApi('/app/students');

/** International degree students: search, filters (level, status, country, unit, programme, funding, years) in the URL; CSV and Excel of the same list. */
export function InternationalStudentsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = studentsApi.useList(search);
  const page = result.data as (Page<StudentEnrolment> & { persons?: number }) | undefined;

  return (
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
          <a href={studentsFileUrl(search, 'csv')} download data-testid="students-csv">
            <Button icon={<DownloadOutlined />}>{t('stu.exportCsv')}</Button>
          </a>
          <a href={studentsFileUrl(search, 'xlsx')} download data-testid="students-xlsx">
            <Button icon={<DownloadOutlined />}>{t('stu.exportXlsx')}</Button>
          </a>
        </Space>
      }
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="enrolledOn"
      result={result}
      searchBox={{ testId: 'students-search', placeholder: t('stu.searchPlaceholder'), width: 260 }}
      filters={(update) => (
        <>
          <Select value={search.level} onChange={(level) => update({ level })} allowClear placeholder={t('stu.allLevels')} style={{ width: 170 }} popupMatchSelectWidth={false}
            options={STUDENT_LEVELS.map((l) => ({ value: l, label: t(`student.level.${l}` as MessageKey) }))} data-testid="students-level" />
          <Select value={search.status} onChange={(status) => update({ status })} allowClear placeholder={t('stu.allStatuses')} style={{ width: 150 }}
            options={STUDENT_STATUSES.map((s) => ({ value: s, label: t(`student.status.${s}` as MessageKey) }))} data-testid="students-status" />
          <CountrySelect value={search.country} onChange={(country) => update({ country })} allowClear placeholder={t('stu.allCountries')} style={{ width: 190 }} />
          <UnitSelect value={search.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('agr.allUnits')} style={{ width: 190 }} allowClear />
          <Input.Search defaultValue={search.programme} onSearch={(v) => update({ programme: v || undefined })} allowClear placeholder={t('stu.programmeFilter')} style={{ width: 170 }} />
          <Select value={search.funding} onChange={(funding) => update({ funding })} allowClear placeholder={t('stu.allFunding')} style={{ width: 190 }} popupMatchSelectWidth={false}
            options={STUDENT_FUNDING.map((f) => ({ value: f, label: t(`student.funding.${f}` as MessageKey) }))} />
          <InputNumber value={search.fromYear} onChange={(v) => update({ fromYear: v ?? undefined })} min={1900} max={2100} placeholder={t('stu.fromYear')} style={{ width: 130 }} />
          <InputNumber value={search.toYear} onChange={(v) => update({ toYear: v ?? undefined })} min={1900} max={2100} placeholder={t('stu.toYear')} style={{ width: 100 }} />
        </>
      )}
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
  );
}

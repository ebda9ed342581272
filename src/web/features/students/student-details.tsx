import { Link } from '@tanstack/react-router';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StudentEnrolment } from '../../../shared/contracts/students.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { programmeName, StudentName, StudentStatusTag } from './student-labels.tsx';

/** An enrolment's fields, read-only: the student (a link to their page), the programme, funding, the country counted, the dates. */
export function StudentDetails({ enrolment: e }: { enrolment: StudentEnrolment }) {
  const { t, locale, formatDateTime } = useI18n();
  const text = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : v);
  const items = [
    {
      key: 'person',
      label: t('stu.field.personId'),
      children: (
        <Link to="/people/$id" params={{ id: String(e.personId) }} data-testid="student-person-link">
          <StudentName person={e.person} />
        </Link>
      ),
    },
    { key: 'country', label: t('stu.field.countryCode'), children: <CountryName code={e.countryCode} /> },
    { key: 'level', label: t('stu.field.level'), children: t(`student.level.${e.level}` as MessageKey) },
    { key: 'programme', label: t('stu.field.programmeEn'), children: programmeName(e, locale) },
    { key: 'unit', label: t('stu.field.unitId'), children: locale === 'zh' ? e.unitNameZh : e.unitNameEn },
    { key: 'funding', label: t('stu.field.funding'), children: t(`student.funding.${e.funding}` as MessageKey) },
    { key: 'language', label: t('stu.field.instructionLanguage'), children: t(`student.language.${e.instructionLanguage}` as MessageKey) },
    { key: 'number', label: t('stu.field.studentNumber'), children: text(e.studentNumber) },
    { key: 'status', label: t('stu.field.status'), children: <StudentStatusTag status={e.status} /> },
    { key: 'admittedOn', label: t('stu.field.admittedOn'), children: e.admittedOn },
    { key: 'enrolledOn', label: t('stu.field.enrolledOn'), children: text(e.enrolledOn) },
    { key: 'expected', label: t('stu.field.expectedCompletionOn'), children: text(e.expectedCompletionOn) },
    { key: 'completedOn', label: t('stu.field.completedOn'), children: text(e.completedOn) },
    { key: 'degree', label: t('stu.field.degreeAwarded'), children: text(e.degreeAwarded) },
    { key: 'leftOn', label: t('stu.field.leftOn'), children: text(e.leftOn) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(e.updatedAt)} · ${t('common.version')} ${e.version}` },
    { key: 'notes', label: t('stu.field.notes'), span: 'filled' as const, children: e.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{e.notes}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

import { Link } from '@tanstack/react-router';
import type { StudentEnrolment } from '../../../shared/contracts/students.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { programmeName, StudentName, StudentStatusTag } from './student-labels.tsx';
import { nameIn } from '../../../shared/i18n/name-in.ts';

/** An enrolment's fields, read-only: the student (a link to their page), the programme, funding, the country counted, the dates. */
export function StudentDetails({ enrolment: e }: { enrolment: StudentEnrolment }) {
  const { t, locale } = useI18n();
  const student = (
    <Link to="/people/$id" params={{ id: String(e.personId) }} data-testid="student-person-link">
      <StudentName person={e.person} />
    </Link>
  );
  return (
    <RecordDetails
      record={e}
      labels="stu.field"
      rows={[
        { field: 'personId', value: student },
        { field: 'countryCode', value: <CountryName code={e.countryCode} /> },
        { field: 'level', value: t(`student.level.${e.level}` as MessageKey) },
        { field: 'programmeEn', value: programmeName(e, locale) },
        { field: 'unitId', value: nameIn(locale, e.unitNameEn, e.unitNameZh, e.unitNameFr) },
        { field: 'funding', value: t(`student.funding.${e.funding}` as MessageKey) },
        { field: 'instructionLanguage', value: t(`student.language.${e.instructionLanguage}` as MessageKey) },
        'studentNumber',
        { field: 'status', value: <StudentStatusTag status={e.status} /> },
        ...['admittedOn', 'enrolledOn', 'expectedCompletionOn', 'completedOn', 'degreeAwarded', 'leftOn'],
      ]}
    />
  );
}

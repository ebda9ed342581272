import type { StudentEnrolment, StudentPerson, StudentStatus } from '../../../shared/contracts/students.ts';
import { NameBeside } from '../../components/name-lines.tsx';
import { StatusTag, type StatusTagSet } from '../../components/status-tags.tsx';
import type { MessageKey } from '../../lib/i18n.tsx';

/** The student's name in Latin script: given name first, except for a name written in Han characters. */
export function latinName(p: Pick<StudentPerson, 'familyName' | 'givenName' | 'nameZh'>): string {
  return (p.nameZh ? [p.familyName, p.givenName] : [p.givenName, p.familyName]).filter(Boolean).join(' ');
}

/** The name in the student's own script (ภาษาไทย, हिन्दी, Nguyễn …), or the Chinese one. */
export function ownScript(p: Pick<StudentPerson, 'nameZh' | 'otherNames'>): string | null {
  return p.otherNames[0] ?? p.nameZh ?? null;
}

/** The student's names, each in its own script, side by side. */
export const StudentName = ({ person }: { person: StudentPerson }) => <NameBeside primary={latinName(person)} secondary={ownScript(person)} />;

/** An enrolment's status tag: the interface's labels and a colour per status. */
const STUDENT_TAG: StatusTagSet<StudentStatus> = {
  labels: (status) => `student.status.${status}` as MessageKey,
  colours: { admitted: 'blue', enrolled: 'green', suspended: 'orange', graduated: 'purple', withdrawn: 'default', transferred: 'default' },
  testId: 'student-status',
};

/** The status as a coloured tag. */
export const StudentStatusTag = ({ status }: { status: StudentStatus }) => <StatusTag status={status} tags={STUDENT_TAG} />;

/** The programme in the reader's language. */
export function programmeName(e: Pick<StudentEnrolment, 'programmeEn' | 'programmeZh'>, locale: string): string {
  return locale === 'zh' ? (e.programmeZh ?? e.programmeEn) : e.programmeEn;
}

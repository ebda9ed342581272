import { Tag, Typography } from 'antd';
import type { StudentEnrolment, StudentPerson, StudentStatus } from '../../../shared/contracts/students.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';

/** The student's name in Latin script: given name first, except for a name written in Han characters. */
export function latinName(p: Pick<StudentPerson, 'familyName' | 'givenName' | 'nameZh'>): string {
  return (p.nameZh ? [p.familyName, p.givenName] : [p.givenName, p.familyName]).filter(Boolean).join(' ');
}

/** The name in the student's own script (ภาษาไทย, हिन्दी, Nguyễn …), or the Chinese one. */
export function ownScript(p: Pick<StudentPerson, 'nameZh' | 'otherNames'>): string | null {
  return p.otherNames[0] ?? p.nameZh ?? null;
}

/** The student's names, each in its own script, side by side. */
export function StudentName({ person }: { person: StudentPerson }) {
  const own = ownScript(person);
  return (
    <span>
      {latinName(person)}
      {own ? (
        <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
          {own}
        </Typography.Text>
      ) : null}
    </span>
  );
}

const STATUS_COLOURS: Record<StudentStatus, string> = { admitted: 'blue', enrolled: 'green', suspended: 'orange', graduated: 'purple', withdrawn: 'default', transferred: 'default' };

/** The status as a coloured tag. */
export function StudentStatusTag({ status }: { status: StudentStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]} data-testid="student-status">{t(`student.status.${status}` as MessageKey)}</Tag>;
}

/** The programme in the reader's language. */
export function programmeName(e: Pick<StudentEnrolment, 'programmeEn' | 'programmeZh'>, locale: string): string {
  return locale === 'zh' ? (e.programmeZh ?? e.programmeEn) : e.programmeEn;
}

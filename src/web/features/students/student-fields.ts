import { INSTRUCTION_LANGUAGES, STUDENT_FUNDING, STUDENT_LEVELS } from '../../../shared/contracts/students.ts';
import { inLanguages, type FormLayout } from '../../lib/field-spec.ts';

/** An enrolment's form: the student and the country counted, the programme and who teaches it, funding and language, the dates. */
export const STUDENT_FIELDS: FormLayout = [
  {
    items: [
      { name: 'personId', kind: 'person', width: 'half', testId: 'student-person' },
      { name: 'countryCode', kind: 'country', clearable: true, width: 'half', hint: 'stu.countryHint' },
      { name: 'level', kind: 'select', values: STUDENT_LEVELS, labels: { messages: 'student.level' }, width: 'third', testId: 'student-level' },
      ...inLanguages('programme', 300, { languages: ['En', 'Zh'], width: 'third', testIdEn: 'student-programme-en' }),
      { name: 'unitId', kind: 'unit', width: 'third', testId: 'student-unit' },
      { name: 'funding', kind: 'select', values: STUDENT_FUNDING, labels: { messages: 'student.funding' }, wideMenu: true, width: 'third' },
      { name: 'instructionLanguage', kind: 'select', values: INSTRUCTION_LANGUAGES, labels: { messages: 'student.language' }, width: 'third' },
      { name: 'studentNumber', kind: 'text', maxLength: 50, width: 'third' },
      { name: 'admittedOn', kind: 'date', width: 'third', testId: 'student-admitted' },
      { name: 'expectedCompletionOn', kind: 'date', width: 'third' },
      { name: 'notes', kind: 'longText', maxLength: 10000, rows: [2, 8] },
    ],
  },
];

import type { ImportKind } from './imports.ts';
import { personColumns } from './import-person-columns.ts';
import { INSTRUCTION_LANGUAGE_LABELS, STUDENT_FUNDING_LABELS, STUDENT_LEVEL_LABELS, STUDENT_STATUS_LABELS } from '../i18n/student-labels.ts';

/**
 * International students with their enrolments (contract: StudentEnrolmentInput), one row per
 * enrolment: the student named as a person (found on file, or created in the teaching unit),
 * the programme, and the enrolment as it stands (its status and the dates it rests on).
 */
export const STUDENT_IMPORT: ImportKind = {
  name: 'students',
  one: { en: 'student enrolment', zh: '留学生学籍', fr: 'inscription d’étudiant' },
  entity: 'student',
  guide: {
    en:
      'One row per enrolment. The student is looked for among the people on file by passport number, then e-mail, then name however written; a student found is linked, not changed; one not found is created in the teaching unit. ' +
      'The enrolment is recorded as it stands: its status with the dates it rests on (enrolled needs the registration date; graduated the completion date; withdrawn or transferred the leaving date). ' +
      'An enrolment on file (same student, level, programme and admission date) is recognised: the row updates it.',
    zh:
      '每条学籍一行。学生先按护照号码、再按电子邮箱、再按姓名的各种写法与已有人员匹配；匹配到的人员只关联，不修改；未匹配到的在培养单位下新建。' +
      '学籍按现状录入：状态及其所依据的日期（在读须填注册日期；已毕业须填毕业日期；退学或转学须填离校日期）。' +
      '系统中已有的学籍（同一学生、层次、专业和录取日期）会被识别，该行将更新它。',
    fr:
      "Une ligne par inscription. L'étudiant est cherché parmi les personnes enregistrées par numéro de passeport, puis courriel, puis nom quelle que soit son écriture ; un étudiant trouvé est lié, non modifié ; un étudiant non trouvé est créé dans l'unité d'enseignement. " +
      "L'inscription est enregistrée telle qu'elle est : son statut et les dates sur lesquelles il repose (inscrit exige la date d'inscription ; diplômé la date d'achèvement ; parti ou transféré la date de départ). " +
      "Une inscription déjà enregistrée (même étudiant, niveau, programme et date d'admission) est reconnue : la ligne la met à jour.",
  },
  columns: [
    ...personColumns({ foreign: true }),
    { field: 'level', label: { en: 'Level', zh: '学生层次', fr: 'Niveau' }, aliases: ['level of study', 'niveau', '层次', '学历层次'], value: { is: 'choice', options: STUDENT_LEVEL_LABELS }, required: true },
    { field: 'programmeEn', label: { en: 'Programme (English)', zh: '专业（英文）', fr: 'Programme (anglais)' }, aliases: ['programme', 'program', 'major', 'programme', '专业英文名称'], value: { is: 'text' }, required: true },
    { field: 'programmeZh', label: { en: 'Programme (Chinese)', zh: '专业（中文）', fr: 'Programme (chinois)' }, aliases: ['专业', '专业名称'], value: { is: 'text' } },
    { field: 'unitId', label: { en: 'Teaching unit', zh: '培养单位', fr: "Unité d'enseignement" }, aliases: ['unit', 'unité', 'school', 'department', '院系', '学院', '所属单位'], value: { is: 'unit' }, required: true },
    { field: 'countryCode', label: { en: 'Country counted', zh: '统计国别', fr: 'Pays compté' }, aliases: ['country counted'], value: { is: 'country' } },
    { field: 'funding', label: { en: 'Funding', zh: '经费来源', fr: 'Financement' }, aliases: ['scholarship', 'bourse', '奖学金', '经费'], value: { is: 'choice', options: STUDENT_FUNDING_LABELS }, default: 'self_funded' },
    { field: 'instructionLanguage', label: { en: 'Language of instruction', zh: '授课语言', fr: "Langue d'enseignement" }, aliases: ['language', 'langue', '语言'], value: { is: 'choice', options: INSTRUCTION_LANGUAGE_LABELS }, default: 'zh' },
    { field: 'studentNumber', label: { en: 'Student number', zh: '学号', fr: "Numéro d'étudiant" }, aliases: ['student id', 'matricule'], value: { is: 'text' } },
    { field: 'admittedOn', label: { en: 'Admitted on', zh: '录取日期', fr: 'Admis le' }, aliases: ['admitted', 'admission', 'admission date', '录取时间'], value: { is: 'date' }, required: true },
    { field: 'enrolledOn', label: { en: 'Registered on', zh: '注册日期', fr: 'Inscrit le' }, aliases: ['registered', 'enrolled on', 'registration', '入学日期', '报到日期'], value: { is: 'date' } },
    { field: 'expectedCompletionOn', label: { en: 'Expected end', zh: '预计毕业日期', fr: 'Fin prévue' }, aliases: ['expected completion', 'fin prévue des études', '预计毕业'], value: { is: 'date' } },
    { field: 'status', label: { en: 'Status', zh: '学籍状态', fr: 'Statut' }, aliases: ['état', '状态'], value: { is: 'choice', options: STUDENT_STATUS_LABELS }, default: 'enrolled' },
    { field: 'completedOn', label: { en: 'Completed on', zh: '毕业日期', fr: 'Diplômé le' }, aliases: ['graduated on', 'completion', '结业日期'], value: { is: 'date' } },
    { field: 'degreeAwarded', label: { en: 'Degree awarded', zh: '授予学位', fr: 'Diplôme obtenu' }, aliases: ['degree', 'diplôme', '学位'], value: { is: 'text' } },
    { field: 'leftOn', label: { en: 'Left on', zh: '离校日期', fr: 'Parti le' }, aliases: ['left', 'withdrawn on', '退学日期'], value: { is: 'date' } },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

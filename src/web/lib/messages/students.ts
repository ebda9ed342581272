import { INSTRUCTION_LANGUAGE_LABELS, STUDENT_FUNDING_LABELS, STUDENT_LEVEL_LABELS, STUDENT_STATUS_LABELS, STUDENT_STEP_LABELS } from '../../../shared/i18n/student-labels.ts';
import type { Catalogue, Triple } from './catalogue.ts';
import { fromLabels, prefixed } from './experts.ts';

/** The enrolment's fields, labelled the same in the form and in the record's history. */
const ENROLMENT_FIELDS = {
  personId: ['Student', '学生', 'Étudiant'],
  level: ['Level', '层次', 'Niveau'],
  programmeEn: ['Programme (English)', '专业（英文）', 'Programme (anglais)'],
  programmeZh: ['Programme (Chinese)', '专业（中文）', 'Programme (chinois)'],
  unitId: ['School or department', '培养单位', 'École ou département'],
  funding: ['Funding', '经费来源', 'Financement'],
  instructionLanguage: ['Language of instruction', '授课语言', 'Langue d’enseignement'],
  studentNumber: ['Student number', '学号', 'Numéro d’étudiant'],
  countryCode: ['Country or region counted (nationality at enrolment)', '统计国别（入学时国籍）', 'Pays ou région compté (nationalité à l’inscription)'],
  admittedOn: ['Admitted on', '录取日期', 'Admis le'],
  enrolledOn: ['Registered on', '注册入学日期', 'Inscrit le'],
  expectedCompletionOn: ['Expected completion', '预计毕业日期', 'Fin prévue'],
  status: ['Status', '状态', 'Statut'],
  suspendedOn: ['Suspended on', '休学日期', 'Suspendu le'],
  completedOn: ['Graduated on', '毕业日期', 'Diplômé le'],
  degreeAwarded: ['Degree awarded', '授予学位', 'Diplôme délivré'],
  leftOn: ['Left on', '离校日期', 'Parti le'],
  notes: ['Notes', '备注', 'Notes'],
} satisfies Record<string, Triple>;

/** International degree students: list, record, form, workflow, the card on a person's page. */
export const STUDENTS = {
  ...prefixed('stu.field', ENROLMENT_FIELDS),
  // the history of an enrolment names its fields with these (audit-diff reads `<entity>.field.<name>`)
  ...prefixed('student.field', ENROLMENT_FIELDS),
  ...fromLabels('student.level', STUDENT_LEVEL_LABELS),
  ...fromLabels('student.status', STUDENT_STATUS_LABELS),
  ...fromLabels('student.to', STUDENT_STEP_LABELS),
  ...fromLabels('student.funding', STUDENT_FUNDING_LABELS),
  ...fromLabels('student.language', INSTRUCTION_LANGUAGE_LABELS),
  'stu.add': ['Record an admission', '登记录取', 'Enregistrer une admission'],
  'stu.newTitle': ['New enrolment', '新增留学生学籍', 'Nouvelle inscription'],
  'stu.searchPlaceholder': ['Student, programme or number…', '学生、专业或学号…', 'Étudiant, programme ou numéro…'],
  'stu.allLevels': ['Every level', '全部层次', 'Tous les niveaux'],
  'stu.allStatuses': ['Every status', '全部状态', 'Tous les statuts'],
  'stu.allCountries': ['Every country or region', '全部国家和地区', 'Tous les pays et régions'],
  'stu.allFunding': ['Any funding', '全部经费来源', 'Tout financement'],
  'stu.programmeFilter': ['Programme', '专业', 'Programme'],
  'stu.fromYear': ['Registered from', '入学年份自', 'Inscrits de'],
  'stu.toYear': ['to', '至', 'à'],
  'stu.counted': ['Counted in the figures on {date}', '计入 {date} 的统计', 'Comptés dans les chiffres au {date}'],
  'stu.persons': ['{persons} {persons|student|students} in {total} {total|enrolment|enrolments}', '{total} 条学籍，共 {persons} 名学生', '{persons} {persons|étudiant|étudiants} pour {total} {total|inscription|inscriptions}'],
  'stu.student': ['Student', '学生', 'Étudiant'],
  'stu.deleteConfirm': ['Delete this admission? The audit log keeps what it was.', '删除该录取记录？审计日志会保留其内容。', 'Supprimer cette admission ? Le journal d’audit en garde la trace.'],
  'stu.workflow': ['Enrolment', '学籍状态', 'Scolarité'],
  'stu.noNext': ['No further step: the enrolment has ended.', '学籍已结束，无后续步骤。', 'Plus d’étape : la scolarité est terminée.'],
  'stu.stepDone': ['Now: {status}', '当前状态：{status}', 'Désormais : {status}'],
  'stu.stepOn': ['On', '日期', 'Le'],
  'stu.personEnrolments': ['Degree studies here', '在校学籍', 'Études diplômantes ici'],
  'stu.personNone': ['No enrolment recorded.', '尚无学籍记录。', 'Aucune inscription enregistrée.'],
  'stu.addForPerson': ['Record an admission', '登记录取', 'Enregistrer une admission'],
  'stu.countryHint': ['Empty: the person’s nationality today. Kept as it is if the nationality changes later.', '留空即为该人员当前国籍；之后国籍变更不影响此处。', 'Vide : la nationalité actuelle de la personne. Conservé si la nationalité change ensuite.'],
  'stu.exportCsv': ['CSV', 'CSV', 'CSV'],
  'stu.exportXlsx': ['Excel', 'Excel', 'Excel'],
} satisfies Catalogue;

import type { Locale } from '../contracts/common.ts';
import type { InstructionLanguage, StudentFunding, StudentLevel, StudentStatus } from '../contracts/students.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The levels of study. */
export const STUDENT_LEVEL_LABELS: Labels<StudentLevel> = {
  bachelor: { en: 'Bachelor (undergraduate)', zh: '本科', fr: 'Licence (premier cycle)' },
  master: { en: 'Master', zh: '硕士', fr: 'Master' },
  doctorate: { en: 'Doctorate', zh: '博士', fr: 'Doctorat' },
  non_degree: { en: 'Non-degree', zh: '非学历', fr: 'Sans diplôme' },
};

/** The statuses of an enrolment. */
export const STUDENT_STATUS_LABELS: Labels<StudentStatus> = {
  admitted: { en: 'Admitted', zh: '已录取', fr: 'Admis' },
  enrolled: { en: 'Enrolled', zh: '在读', fr: 'Inscrit' },
  suspended: { en: 'Suspended', zh: '休学', fr: 'Suspendu' },
  graduated: { en: 'Graduated', zh: '已毕业', fr: 'Diplômé' },
  withdrawn: { en: 'Withdrawn', zh: '退学', fr: 'Retiré' },
  transferred: { en: 'Transferred', zh: '转学', fr: 'Transféré' },
};

/** The steps of the workflow, as buttons name them (by the status they lead to). */
export const STUDENT_STEP_LABELS: Labels<StudentStatus> = {
  admitted: { en: 'Admit', zh: '录取', fr: 'Admettre' },
  enrolled: { en: 'Register / resume', zh: '注册入学 / 复学', fr: 'Inscrire / reprendre' },
  suspended: { en: 'Suspend', zh: '休学', fr: 'Suspendre' },
  graduated: { en: 'Graduate', zh: '毕业', fr: 'Diplômer' },
  withdrawn: { en: 'Withdraw', zh: '退学', fr: 'Retirer' },
  transferred: { en: 'Transfer out', zh: '转出', fr: 'Transférer' },
};

/** Who pays. */
export const STUDENT_FUNDING_LABELS: Labels<StudentFunding> = {
  csc_scholarship: { en: 'Chinese Government Scholarship (CSC)', zh: '中国政府奖学金', fr: 'Bourse du gouvernement chinois (CSC)' },
  shanghai_scholarship: { en: 'Shanghai Government Scholarship', zh: '上海市政府奖学金', fr: 'Bourse du gouvernement de Shanghai' },
  university_scholarship: { en: 'University scholarship', zh: '学校奖学金', fr: 'Bourse de l’université' },
  home_government: { en: 'Home government', zh: '本国政府资助', fr: 'Gouvernement du pays d’origine' },
  self_funded: { en: 'Self-funded', zh: '自费', fr: 'Autofinancé' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** The language of instruction. */
export const INSTRUCTION_LANGUAGE_LABELS: Labels<InstructionLanguage> = {
  zh: { en: 'Chinese', zh: '中文', fr: 'Chinois' },
  en: { en: 'English', zh: '英语', fr: 'Anglais' },
  fr: { en: 'French', zh: '法语', fr: 'Français' },
};

/** The columns of the students export. */
export const STUDENT_EXPORT_HEADINGS = {
  student: { en: 'Student', zh: '学生', fr: 'Étudiant' },
  ownScript: { en: 'Name in own script', zh: '本国文字姓名', fr: 'Nom dans son écriture' },
  studentNumber: { en: 'Student number', zh: '学号', fr: 'Numéro d’étudiant' },
  country: { en: 'Country or region (at enrolment)', zh: '国家或地区（入学时）', fr: 'Pays ou région (à l’inscription)' },
  level: { en: 'Level', zh: '层次', fr: 'Niveau' },
  programme: { en: 'Programme', zh: '专业', fr: 'Programme' },
  unit: { en: 'Unit', zh: '单位', fr: 'Unité' },
  language: { en: 'Language of instruction', zh: '授课语言', fr: 'Langue d’enseignement' },
  funding: { en: 'Funding', zh: '经费来源', fr: 'Financement' },
  admitted: { en: 'Admitted', zh: '录取日期', fr: 'Admis le' },
  enrolled: { en: 'Registered', zh: '注册入学日期', fr: 'Inscrit le' },
  status: { en: 'Status', zh: '状态', fr: 'Statut' },
  completed: { en: 'Graduated', zh: '毕业日期', fr: 'Diplômé le' },
  degree: { en: 'Degree awarded', zh: '授予学位', fr: 'Diplôme délivré' },
  left: { en: 'Left', zh: '离校日期', fr: 'Parti le' },
  title: { en: 'International degree students', zh: '留学生（学历生）', fr: 'Étudiants internationaux diplômants' },
} as const;

import type { Locale } from '../contracts/common.ts';
import type { AssessmentStage, PlacementStatus, StudentStatus } from '../contracts/programmes.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Where a programme student stands. */
export const STUDENT_STATUS_LABELS: Labels<StudentStatus> = {
  enrolled: { en: 'Enrolled', zh: '在读', fr: 'Inscrit' },
  graduated: { en: 'Graduated', zh: '已毕业', fr: 'Diplômé' },
  withdrawn: { en: 'Withdrawn', zh: '已退出', fr: 'Abandon' },
  transferred_out: { en: 'Transferred out', zh: '已转出', fr: 'Transféré' },
};

/** What an examination or evaluation assessed. */
export const ASSESSMENT_STAGE_LABELS: Labels<AssessmentStage> = {
  french_language: { en: 'French language', zh: '法语水平', fr: 'Langue française' },
  basic_sciences: { en: 'Basic sciences', zh: '基础课程', fr: 'Sciences fondamentales' },
  clinical: { en: 'Clinical', zh: '临床', fr: 'Clinique' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** A residency placement's workflow. */
export const PLACEMENT_STATUS_LABELS: Labels<PlacementStatus> = {
  proposed: { en: 'Proposed', zh: '拟派', fr: 'Proposé' },
  confirmed: { en: 'Confirmed', zh: '已确认', fr: 'Confirmé' },
  completed: { en: 'Completed', zh: '已完成', fr: 'Terminé' },
  withdrawn: { en: 'Withdrawn', zh: '已撤销', fr: 'Retiré' },
};

/** The students export's title and column headings. */
export const STUDENT_EXPORT_HEADINGS = {
  title: { en: 'Joint programme students', zh: '合作项目学生', fr: 'Étudiants du programme conjoint' },
  number: { en: 'Student number', zh: '学号', fr: 'Numéro d’étudiant' },
  name: { en: 'Name', zh: '姓名（拼音）', fr: 'Nom' },
  nameZh: { en: 'Name (Chinese)', zh: '中文姓名', fr: 'Nom (chinois)' },
  cohort: { en: 'Cohort (entry year)', zh: '年级（入学年份）', fr: 'Promotion (année d’entrée)' },
  status: { en: 'Status', zh: '状态', fr: 'Statut' },
  placed: { en: 'Residency in France', zh: '赴法住院医师培训', fr: 'Internat en France' },
  host: { en: 'Host hospital', zh: '接收医院', fr: 'Hôpital d’accueil' },
  yes: { en: 'Yes', zh: '是', fr: 'Oui' },
} as const satisfies Record<string, Record<Locale, string>>;

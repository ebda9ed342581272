import type { ImportKind } from './imports.ts';
import { personColumns } from './import-person-columns.ts';
import { PLACEMENT_STATUS_LABELS, STUDENT_STATUS_LABELS } from '../i18n/programme-labels.ts';

/**
 * Students of a joint programme (the Sino-French eight-year programme; contract: StudentInput),
 * one row each: the student named as a person (found on file, or created in the programme's
 * unit), the programme and its cohort on file (by entry year), the student number and status;
 * and, when the row names a host hospital, one residency placement of the student (the hospital,
 * its department, the dates and the placement's status).
 */
export const PROGRAMME_STUDENT_IMPORT: ImportKind = {
  name: 'programme-students',
  one: { en: 'joint programme student', zh: '合作项目学生', fr: 'étudiant du programme conjoint' },
  entity: 'programme',
  guide: {
    en:
      'One row per student. The programme and its cohort must be on file: the programme by its name in any language (the column may be left out when there is one programme), the cohort by its entry year. ' +
      'The student is looked for by student number within the programme, then among the people on file by passport number, e-mail or name however written; a person found is linked, not changed; one not found is created in the programme’s unit. ' +
      'A student on file (same programme, same student number or same person) is recognised: the row updates the cohort, number, status and notes. ' +
      'A row may carry one residency: the host hospital (an institution on file), its department, the start and end dates, and its status (proposed when left empty). It is proposed, then confirmed on its start date and completed on its end date as in the app, so a confirmed residency needs a student enrolled who meets the standard. A residency the student already has (same hospital, same start) is left as it is.',
    zh:
      '每名学生一行。项目和年级须已在系统中：项目按任一语言的名称查找（只有一个项目时可不填该列），年级按入学年份查找。' +
      '学生先按项目内的学号查找，再按护照号码、电子邮箱或姓名的各种写法与已有人员匹配；匹配到的人员只关联，不修改；未匹配到的在项目所属单位下新建。' +
      '系统中已有的学生（同一项目、同一学号或同一人）会被识别，该行将更新其年级、学号、状态和备注。' +
      '每行可附带一次住院医师培训：培训医院（须为系统中已有的机构）、科室、开始和结束日期及其状态（未填则为拟派）。它先拟派，再按开始日期确认、按结束日期完成，与在系统中操作相同；因此已确认的培训要求学生在读且达到标准。学生已有的培训（同一医院、同一开始日期）保持不变。',
    fr:
      "Une ligne par étudiant. Le programme et sa promotion doivent être enregistrés : le programme par son nom dans l'une des langues (la colonne peut manquer quand il n'y a qu'un programme), la promotion par son année d'entrée. " +
      "L'étudiant est cherché par son numéro dans le programme, puis parmi les personnes enregistrées par numéro de passeport, courriel ou nom quelle que soit son écriture ; une personne trouvée est liée, non modifiée ; une personne non trouvée est créée dans l'unité du programme. " +
      "Un étudiant déjà enregistré (même programme, même numéro ou même personne) est reconnu : la ligne met à jour sa promotion, son numéro, son statut et ses notes. " +
      "Une ligne peut porter une résidence : l'hôpital d'accueil (un établissement enregistré), son service, les dates de début et de fin, et son statut (proposée si vide). Elle est proposée, puis confirmée à sa date de début et terminée à sa date de fin comme dans l'application : une résidence confirmée exige un étudiant inscrit qui atteint le niveau requis. Une résidence que l'étudiant a déjà (même hôpital, même début) est laissée telle quelle.",
  },
  columns: [
    ...personColumns({ foreign: false }),
    { field: 'programme', label: { en: 'Programme', zh: '合作项目', fr: 'Programme' }, aliases: ['programme name', 'program', 'joint programme', 'programme conjoint', '项目', '项目名称'], value: { is: 'text' } },
    { field: 'entryYear', label: { en: 'Cohort (entry year)', zh: '年级（入学年份）', fr: 'Promotion (année d’entrée)' }, aliases: ['cohort', 'entry year', 'promotion', 'année d’entrée', '年级', '入学年份', '届别'], value: { is: 'integer' }, required: true },
    { field: 'studentNumber', label: { en: 'Student number', zh: '学号', fr: 'Numéro d’étudiant' }, aliases: ['student id', 'number', 'matricule', '学生编号'], value: { is: 'text' }, required: true },
    { field: 'status', label: { en: 'Status', zh: '学籍状态', fr: 'Statut' }, aliases: ['état', '状态'], value: { is: 'choice', options: STUDENT_STATUS_LABELS }, default: 'enrolled' },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
    { field: 'residencyHospital', label: { en: 'Residency hospital', zh: '住院医师培训医院', fr: 'Hôpital de résidence' }, aliases: ['residency', 'host hospital', 'hospital', 'hôpital', 'hôpital d’accueil', '培训医院', '实习医院', '法国医院'], value: { is: 'institution' } },
    { field: 'residencyDepartment', label: { en: 'Residency department', zh: '培训科室', fr: 'Service de résidence' }, aliases: ['department', 'service', 'ward', '科室'], value: { is: 'text' } },
    { field: 'residencyStart', label: { en: 'Residency start', zh: '培训开始日期', fr: 'Début de résidence' }, aliases: ['residency from', 'début', '培训开始'], value: { is: 'date' } },
    { field: 'residencyEnd', label: { en: 'Residency end', zh: '培训结束日期', fr: 'Fin de résidence' }, aliases: ['residency to', 'fin', '培训结束'], value: { is: 'date' } },
    { field: 'residencyStatus', label: { en: 'Residency status', zh: '培训状态', fr: 'Statut de la résidence' }, aliases: ['placement status', 'statut du stage', '培训情况'], value: { is: 'choice', options: PLACEMENT_STATUS_LABELS } },
  ],
};

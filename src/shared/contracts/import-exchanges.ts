import type { ImportKind } from './imports.ts';
import { personColumns } from './import-person-columns.ts';
import { APPLICATION_STATUS_LABELS } from '../i18n/exchange-labels.ts';

/**
 * Students' applications to an exchange opportunity on file (contract: ApplicationInput), one
 * row each: the student named as a person (found on file, or created), the exchange named by
 * its title (with its host and academic year when two share a title), and the application as
 * it stands: its status reached by the application's own steps, dated by the row's dates.
 */
export const EXCHANGE_APPLICATION_IMPORT: ImportKind = {
  name: 'exchange-applications',
  one: { en: 'exchange application', zh: '出国交流申请', fr: 'candidature à un échange' },
  entity: 'exchange',
  guide: {
    en:
      'One row per application. The exchange must be on file: it is found by its title in any language, and by its host institution and academic year (2024, 2024-2025 or 2024/25) when several share a title. ' +
      'The student is looked for among the people on file by passport number, then e-mail, then name however written; a student found is linked, not changed; one not found is created in the row’s unit (else the exchange’s). ' +
      'The status is reached by the application’s own steps, as if taken in the app: a decision (selected, waitlisted, not selected, nominated) is dated by “Decided on”, or the application day when the file has none; departed needs the departure date, returned the return date. ' +
      'An application on file (same student, same exchange) is recognised: the row updates it and moves its status forward.',
    zh:
      '每条申请一行。交流项目须已在系统中：按任一语言的项目名称查找，多个项目同名时再按接收院校和学年（2024、2024-2025 或 2024/25）区分。' +
      '学生先按护照号码、再按电子邮箱、再按姓名的各种写法与已有人员匹配；匹配到的人员只关联，不修改；未匹配到的在该行的院系（未填则为项目的单位）下新建。' +
      '状态按申请本身的流程逐步达到，如同在系统中操作：决定（已选派、候补、未选派、已推荐）的日期取“决定日期”，未填则取申请日期；已出国须填出发日期，已回国须填回国日期。' +
      '系统中已有的申请（同一学生、同一项目）会被识别，该行将更新它并向前推进其状态。',
    fr:
      "Une ligne par candidature. L'échange doit être enregistré : il est trouvé par son titre dans l'une des langues, et par son établissement d'accueil et son année universitaire (2024, 2024-2025 ou 2024/25) quand plusieurs portent le même titre. " +
      "L'étudiant est cherché parmi les personnes enregistrées par numéro de passeport, puis courriel, puis nom quelle que soit son écriture ; un étudiant trouvé est lié, non modifié ; un étudiant non trouvé est créé dans l'unité de la ligne (sinon celle de l'échange). " +
      "Le statut est atteint par les étapes de la candidature, comme dans l'application : une décision (sélectionnée, liste d'attente, non retenue, proposée) est datée par « Décidé le », ou par le jour de la candidature à défaut ; parti exige la date de départ, rentré la date de retour. " +
      'Une candidature déjà enregistrée (même étudiant, même échange) est reconnue : la ligne la met à jour et fait avancer son statut.',
  },
  columns: [
    ...personColumns({ foreign: false }),
    { field: 'unitId', label: { en: 'Student’s unit', zh: '所在院系', fr: 'Unité de l’étudiant' }, aliases: ['unit', 'unité', 'department', 'school', '院系', '学院', '所属单位'], value: { is: 'unit' } },
    { field: 'opportunity', label: { en: 'Exchange', zh: '交流项目', fr: 'Échange' }, aliases: ['exchange', 'exchange programme', 'opportunity', 'programme', 'program', 'programme d’échange', '项目', '项目名称', '交流项目名称'], value: { is: 'text' }, required: true },
    { field: 'hostInstitutionId', label: { en: 'Host institution', zh: '接收院校', fr: 'Établissement d’accueil' }, aliases: ['host', 'partner', 'partner university', 'université partenaire', '合作院校', '接收单位', '派往院校', '留学院校'], value: { is: 'institution' } },
    { field: 'academicYear', label: { en: 'Academic year', zh: '学年', fr: 'Année universitaire' }, aliases: ['year', 'term', 'année', '年度', '学年度'], value: { is: 'text' } },
    { field: 'appliedOn', label: { en: 'Applied on', zh: '申请日期', fr: 'Date de candidature' }, aliases: ['applied', 'application date', 'date of application', '申请时间'], value: { is: 'date' }, required: true },
    { field: 'score', label: { en: 'Score', zh: '成绩', fr: 'Note' }, aliases: ['gpa', 'ranking score', 'note', '绩点', '综合成绩'], value: { is: 'text' } },
    { field: 'languageCertificate', label: { en: 'Language certificate', zh: '语言证书', fr: 'Certificat de langue' }, aliases: ['language', 'certificate', 'langue', '外语水平', '语言成绩'], value: { is: 'text' } },
    { field: 'status', label: { en: 'Status', zh: '申请状态', fr: 'Statut' }, aliases: ['état', '状态'], value: { is: 'choice', options: APPLICATION_STATUS_LABELS }, default: 'submitted' },
    { field: 'decidedOn', label: { en: 'Decided on', zh: '决定日期', fr: 'Décidé le' }, aliases: ['decision date', 'selected on', 'date de décision', '选派日期', '决定时间'], value: { is: 'date' } },
    { field: 'departureDate', label: { en: 'Departure', zh: '出发日期', fr: 'Départ' }, aliases: ['departure date', 'departed on', 'date de départ', '出国日期', '派出日期'], value: { is: 'date' } },
    { field: 'returnDate', label: { en: 'Return', zh: '回国日期', fr: 'Retour' }, aliases: ['return date', 'returned on', 'date de retour', '返校日期'], value: { is: 'date' } },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

import type { Locale } from '../contracts/common.ts';
import type { AppointmentStatus, AppointmentTitle, ExpertDocumentKind } from '../contracts/appointments.ts';
import type { AttendeeRole, ConferenceClassification, ConferenceStatus } from '../contracts/conferences.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The titles given to foreign experts, as the office writes them. */
export const APPOINTMENT_TITLE_LABELS: Labels<AppointmentTitle> = {
  honorary_professor: { en: 'Honorary professor', zh: '名誉教授', fr: 'Professeur honoraire' },
  consultant: { en: 'Consultant', zh: '顾问', fr: 'Consultant' },
  visiting_professor: { en: 'Visiting professor', zh: '客座教授', fr: 'Professeur invité' },
  adjunct_professor: { en: 'Adjunct professor', zh: '兼职教授', fr: 'Professeur associé' },
  guest_lecturer: { en: 'Guest lecturer', zh: '特邀讲师', fr: 'Conférencier invité' },
};

/** Appointment statuses. */
export const APPOINTMENT_STATUS_LABELS: Labels<AppointmentStatus> = {
  proposed: { en: 'Proposed', zh: '拟聘', fr: 'Proposé' },
  appointed: { en: 'Appointed', zh: '已聘任', fr: 'Nommé' },
  revoked: { en: 'Revoked', zh: '已解聘', fr: 'Révoqué' },
};

/** The documents a foreign expert needs. */
export const EXPERT_DOCUMENT_KIND_LABELS: Labels<ExpertDocumentKind> = {
  contract: { en: 'Contract', zh: '聘用合同', fr: 'Contrat' },
  work_permit: { en: 'Work permit', zh: '外国人工作许可证', fr: 'Permis de travail' },
  residence_permit: { en: 'Residence permit', zh: '居留许可', fr: 'Titre de séjour' },
  visa: { en: 'Visa', zh: '签证', fr: 'Visa' },
};

/** Conference statuses. */
export const CONFERENCE_STATUS_LABELS: Labels<ConferenceStatus> = {
  proposed: { en: 'Proposed', zh: '申报中', fr: 'Proposé' },
  approved: { en: 'Approved', zh: '已批准', fr: 'Approuvé' },
  rejected: { en: 'Rejected', zh: '未批准', fr: 'Refusé' },
  held: { en: 'Held', zh: '已举办', fr: 'Tenu' },
  closed: { en: 'Closed (summary submitted)', zh: '已结项（已提交总结）', fr: 'Clos (bilan remis)' },
  cancelled: { en: 'Cancelled', zh: '已取消', fr: 'Annulé' },
};

/** Conference classification by foreign participants. */
export const CONFERENCE_CLASSIFICATION_LABELS: Labels<ConferenceClassification> = {
  general: { en: 'General', zh: '一般', fr: 'Ordinaire' },
  major: { en: 'Major', zh: '重大', fr: 'Majeur' },
};

/** Roles of attendees at a conference. */
export const ATTENDEE_ROLE_LABELS: Labels<AttendeeRole> = {
  speaker: { en: 'Speaker', zh: '发言人', fr: 'Intervenant' },
  participant: { en: 'Participant', zh: '参会者', fr: 'Participant' },
  organizer: { en: 'Organizer', zh: '组织者', fr: 'Organisateur' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** Column headings of the appointments' renewal list export. */
export const APPOINTMENT_RENEWAL_HEADINGS: Labels<'dueOn' | 'item' | 'expert' | 'nameZh' | 'nationality' | 'title' | 'document' | 'unit' | 'renewed'> = {
  dueOn: { en: 'Ends on', zh: '到期日期', fr: 'Échéance' },
  item: { en: 'What', zh: '事项', fr: 'Objet' },
  expert: { en: 'Expert', zh: '专家', fr: 'Expert' },
  nameZh: { en: 'Chinese name', zh: '中文名', fr: 'Nom chinois' },
  nationality: { en: 'Nationality', zh: '国籍', fr: 'Nationalité' },
  title: { en: 'Title', zh: '聘任职衔', fr: 'Titre' },
  document: { en: 'Document', zh: '证件', fr: 'Document' },
  unit: { en: 'Appointing unit', zh: '聘任单位', fr: 'Unité' },
  renewed: { en: 'Renewal proposed', zh: '已提出续聘', fr: 'Renouvellement proposé' },
};

/** The two kinds of line on the renewal list. */
export const RENEWAL_ITEM_LABELS: Labels<'appointment' | 'document'> = {
  appointment: { en: 'End of term', zh: '聘期届满', fr: 'Fin de mandat' },
  document: { en: 'Document expiry', zh: '证件到期', fr: 'Expiration de document' },
};

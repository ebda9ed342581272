import type { Locale } from '../contracts/common.ts';
import type { ApplicationStatus, ExchangeKind, OpportunitySelection } from '../contracts/exchanges.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** What a student is sent abroad for. */
export const EXCHANGE_KIND_LABELS: Labels<ExchangeKind> = {
  short_term_training: { en: 'Short-term training', zh: '短期培训', fr: 'Formation de courte durée' },
  semester_exchange: { en: 'Semester exchange', zh: '学期交换', fr: 'Échange semestriel' },
  joint_graduate: { en: 'Joint graduate programme', zh: '联合培养研究生项目', fr: 'Programme de master ou doctorat conjoint' },
  degree_study: { en: 'Degree study', zh: '攻读学位', fr: 'Études diplômantes' },
  summer_school: { en: 'Summer school', zh: '暑期学校', fr: 'École d’été' },
  clinical_elective: { en: 'Clinical elective', zh: '临床选修实习', fr: 'Stage clinique optionnel' },
};

/** An application's workflow. */
export const APPLICATION_STATUS_LABELS: Labels<ApplicationStatus> = {
  submitted: { en: 'Submitted', zh: '已提交', fr: 'Déposée' },
  shortlisted: { en: 'Shortlisted', zh: '入围', fr: 'Présélectionnée' },
  selected: { en: 'Selected', zh: '已选派', fr: 'Sélectionnée' },
  waitlisted: { en: 'Waitlisted', zh: '候补', fr: 'Liste d’attente' },
  rejected: { en: 'Not selected', zh: '未选派', fr: 'Non retenue' },
  nominated: { en: 'Nominated to the partner', zh: '已推荐至合作方', fr: 'Proposée au partenaire' },
  departed: { en: 'Departed', zh: '已出国', fr: 'Parti' },
  returned: { en: 'Returned', zh: '已回国', fr: 'Rentré' },
  withdrawn: { en: 'Withdrawn', zh: '已放弃', fr: 'Retirée' },
};

/** Where an opportunity's selection stands (derived: contracts/exchanges.ts#OPPORTUNITY_SELECTIONS). */
export const OPPORTUNITY_SELECTION_LABELS: Labels<OpportunitySelection> = {
  open: { en: 'No application waiting', zh: '暂无待定申请', fr: 'Aucune candidature en attente' },
  waiting: { en: 'Places to allocate', zh: '待分配名额', fr: 'Places à attribuer' },
  allocated: { en: 'Places allocated', zh: '名额已分配', fr: 'Places attribuées' },
};

/** The applications export's title and column headings. */
export const APPLICATION_EXPORT_HEADINGS = {
  title: { en: 'Student exchange applications', zh: '学生出国交流申请', fr: 'Candidatures aux échanges étudiants' },
  name: { en: 'Name', zh: '姓名', fr: 'Nom' },
  nameZh: { en: 'Chinese name', zh: '中文姓名', fr: 'Nom chinois' },
  exchange: { en: 'Exchange', zh: '交流项目', fr: 'Échange' },
  kind: { en: 'Kind', zh: '类型', fr: 'Type' },
  year: { en: 'Academic year', zh: '学年', fr: 'Année universitaire' },
  host: { en: 'Host institution', zh: '接收院校', fr: 'Établissement d’accueil' },
  country: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' },
  appliedOn: { en: 'Applied on', zh: '申请日期', fr: 'Date de candidature' },
  score: { en: 'Score', zh: '成绩', fr: 'Note' },
  certificate: { en: 'Language certificate', zh: '语言证书', fr: 'Certificat de langue' },
  status: { en: 'Status', zh: '状态', fr: 'Statut' },
  departure: { en: 'Departure', zh: '出发日期', fr: 'Départ' },
  return: { en: 'Return', zh: '回国日期', fr: 'Retour' },
} as const;

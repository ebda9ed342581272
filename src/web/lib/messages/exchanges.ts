import type { Locale } from '../../../shared/contracts/common.ts';
import type { ApplicationStatus } from '../../../shared/contracts/exchanges.ts';
import { APPLICATION_EXPORT_HEADINGS, APPLICATION_STATUS_LABELS, EXCHANGE_KIND_LABELS } from '../../../shared/i18n/exchange-labels.ts';
import type { Triple } from './catalogue.ts';

/** Catalogue entries `<prefix>.<value>` from one of the shared label tables, typed by their keys. */
function fromLabels<P extends string, K extends string>(prefix: P, labels: Record<K, Record<Locale, string>>): Record<`${P}.${K}`, Triple> {
  const entries = Object.entries(labels) as [K, Record<Locale, string>][];
  return Object.fromEntries(entries.map(([value, l]) => [`${prefix}.${value}`, [l.en, l.zh, l.fr] as const])) as Record<`${P}.${K}`, Triple>;
}

/** The button that takes an application to each status. */
const TO: Record<Exclude<ApplicationStatus, 'submitted'>, Triple> = {
  shortlisted: ['Shortlist', '列入候选', 'Présélectionner'],
  selected: ['Select', '选派', 'Sélectionner'],
  waitlisted: ['Waitlist', '列入候补', 'Mettre en liste d’attente'],
  rejected: ['Not select', '不予选派', 'Ne pas retenir'],
  nominated: ['Nominate to the partner', '推荐至合作方', 'Proposer au partenaire'],
  departed: ['Record the departure', '登记出国', 'Enregistrer le départ'],
  returned: ['Record the return', '登记回国', 'Enregistrer le retour'],
  withdrawn: ['Withdraw', '放弃', 'Retirer'],
};

/**
 * Outbound student exchange (学生出国交流): the partners' opportunities, the students'
 * applications, their workflow and the office's allocation of places. Status, kind and column
 * names come from src/shared, the words the server's exports use.
 */
export const EXCHANGES = {
  ...fromLabels('xchg.status', APPLICATION_STATUS_LABELS),
  ...fromLabels('xchg.kind', EXCHANGE_KIND_LABELS),
  ...fromLabels('xchg.col', APPLICATION_EXPORT_HEADINGS),
  ...(Object.fromEntries(Object.entries(TO).map(([k, v]) => [`xchg.to.${k}`, v])) as Record<`xchg.to.${keyof typeof TO}`, Triple>),
  'xchg.tab.applications': ['Applications', '申请', 'Candidatures'],
  'xchg.tab.opportunities': ['Opportunities', '交流项目', 'Offres'],
  'xchg.applications': ['Student exchange applications', '学生出国交流申请', 'Candidatures aux échanges étudiants'],
  'xchg.opportunities': ['Exchange opportunities', '学生交流项目', 'Offres d’échange'],
  'xchg.searchApplications': ['Student, host, exchange…', '学生、接收院校、项目…', 'Étudiant, hôte, échange…'],
  'xchg.searchOpportunities': ['Title, host…', '项目名称、接收院校…', 'Titre, hôte…'],
  'xchg.allStatuses': ['All statuses', '全部状态', 'Tous statuts'],
  'xchg.allKinds': ['All kinds', '全部类型', 'Tous types'],
  'xchg.allUnits': ['All units', '全部单位', 'Toutes unités'],
  'xchg.allCountries': ['All countries and regions', '全部国家（地区）', 'Tous pays et régions'],
  'xchg.allHosts': ['All hosts', '全部接收院校', 'Tous hôtes'],
  'xchg.yearPlaceholder': ['Academic year', '学年', 'Année universitaire'],
  'xchg.countedFilter': ['Sent or not', '是否已派出', 'Parti ou non'],
  'xchg.countedOnly': ['Departed or returned', '已出国或已回国', 'Partis ou rentrés'],
  'xchg.notCounted': ['Not departed', '未出国', 'Pas partis'],
  'xchg.countriesOnly': ['Countries only', '仅国家', 'Pays seulement'],
  'xchg.regionsOnly': ['Hong Kong, Macao, Taiwan', '港澳台地区', 'Hong Kong, Macao, Taïwan'],
  'xchg.departedBetween': ['Departed between', '出国日期', 'Parti entre'],
  'xchg.opportunityFilter': ['Exchange', '交流项目', 'Échange'],
  'xchg.downloadCsv': ['CSV', 'CSV', 'CSV'],
  'xchg.downloadXlsx': ['Excel', 'Excel', 'Excel'],
  'xchg.student': ['Student', '学生', 'Étudiant'],
  'xchg.dates': ['Departure – return', '出国 – 回国', 'Départ – retour'],
  'xchg.places': ['Places', '名额', 'Places'],
  'xchg.placesTaken': ['{taken} of {places} places taken, {applicants} applicants', '已占 {taken}/{places} 个名额，共 {applicants} 人申请', '{taken} places prises sur {places}, {applicants} candidats'],
  'xchg.applicants': ['Applicants', '申请人数', 'Candidats'],
  'xchg.unit': ['Unit', '负责单位', 'Unité'],
  'xchg.period': ['Dates', '起止日期', 'Dates'],
  'xchg.agreement': ['Agreement', '合作协议', 'Accord'],
  'xchg.notes': ['Notes', '备注', 'Notes'],
  'xchg.decidedOn': ['Decided on', '决定日期', 'Décidée le'],
  'xchg.workflow': ['Workflow', '流程', 'Déroulement'],
  'xchg.noNext': ['No further step.', '流程已结束。', 'Plus d’étape.'],
  'xchg.stepDone': ['Now {status}.', '状态已更新为：{status}。', 'Désormais : {status}.'],
  'xchg.stepOn': ['Date', '日期', 'Date'],
  'xchg.stepConfirm': ['The step is recorded with the date below.', '此步骤将按下方日期记录。', 'L’étape est enregistrée à la date ci-dessous.'],
  'xchg.allocate': ['Allocate places', '分配名额', 'Attribuer les places'],
  'xchg.allocateConfirm': [
    'Give the places to the undecided applicants by score, then by application date; the others are waitlisted.',
    '按成绩、再按申请日期为待定申请人分配名额；其余列入候补。',
    'Attribuer les places aux candidats en attente par note, puis par date de candidature ; les autres vont en liste d’attente.',
  ],
  'xchg.allocated': ['{selected} selected, {waitlisted} waitlisted, {skipped} already placed elsewhere this year.', '选派 {selected} 人，候补 {waitlisted} 人，{skipped} 人本学年已在其他项目中获选。', '{selected} sélectionnés, {waitlisted} en liste d’attente, {skipped} déjà placés ailleurs cette année.'],
  'xchg.officeOnlyAllocation': ['The international office allocates the places.', '名额由国际交流处分配。', 'Le bureau international attribue les places.'],
  'xchg.theApplications': ['Applications', '申请', 'Candidatures'],
  'xchg.allApplications': ['All its applications', '查看全部申请', 'Toutes ses candidatures'],
  'xchg.opportunity': ['Exchange', '交流项目', 'Échange'],
  'xchg.addOpportunity': ['New opportunity', '新增交流项目', 'Nouvelle offre'],
  'xchg.newOpportunity': ['A partner’s places for a year', '新增合作方交流名额', 'Les places d’un partenaire pour une année'],
  'xchg.addApplication': ['New application', '新增申请', 'Nouvelle candidature'],
  'xchg.newApplication': ['A student applies', '学生申请', 'Un étudiant candidate'],
  'xchg.field.titleEn': ['Title (English)', '项目名称（英文）', 'Titre (anglais)'],
  'xchg.field.titleZh': ['Title (Chinese)', '项目名称（中文）', 'Titre (chinois)'],
  'xchg.field.titleFr': ['Title (French)', '项目名称（法文）', 'Titre (français)'],
  'xchg.field.kind': ['Kind', '类型', 'Type'],
  'xchg.field.hostInstitutionId': ['Host institution', '接收院校', 'Établissement d’accueil'],
  'xchg.field.agreementId': ['Agreement', '合作协议', 'Accord'],
  'xchg.field.places': ['Places', '名额', 'Places'],
  'xchg.field.academicYear': ['Academic year (the year it starts)', '学年（起始年份）', 'Année universitaire (année de début)'],
  'xchg.field.unitId': ['Unit that selects', '负责选拔的单位', 'Unité qui sélectionne'],
  'xchg.field.notes': ['Notes', '备注', 'Notes'],
  'xchg.field.startsOn': ['Starts on', '开始日期', 'Début'],
  'xchg.field.endsOn': ['Ends on', '结束日期', 'Fin'],
  'xchg.field.applicationsCloseOn': ['Applications close on', '申请截止日期', 'Clôture des candidatures'],
  'xchg.applicationsClose': ['Applications close', '申请截止', 'Clôture des candidatures'],
  'xchg.allocatedOn': ['Places allocated on', '名额分配日期', 'Places attribuées le'],
  'xchg.notAllocated': ['Not yet allocated', '尚未分配', 'Pas encore attribuées'],
  'xchg.field.opportunity': ['Opportunity', '交流项目', 'Offre'],
  'xchg.field.personId': ['Student (person id)', '学生（人员编号）', 'Étudiant (n° de personne)'],
  'xchg.field.opportunityId': ['Exchange opportunity', '交流项目', 'Offre d’échange'],
  'xchg.field.appliedOn': ['Applied on', '申请日期', 'Date de candidature'],
  'xchg.field.score': ['Score (0–100)', '成绩（0–100）', 'Note (0–100)'],
  'xchg.field.languageCertificate': ['Language certificate', '语言证书', 'Certificat de langue'],
  'xchg.field.departureDate': ['Departure', '出发日期', 'Départ'],
  'xchg.field.returnDate': ['Return', '回国日期', 'Retour'],
  'xchg.field.iscedFCode': ['Field of education (ISCED-F)', '学科领域（ISCED-F）', 'Domaine d’études (CITE-F)'],
  'xchg.field.eqfLevel': ['EQF level at departure', '出发时的欧洲资格框架（EQF）等级', 'Niveau CEC au départ'],
  'xchg.iscedFCodeHint': [
    'The four-digit ISCED-F 2013 code: 0912 medicine, 0913 nursing, 0911 dental studies. Partners in Erasmus Without Paper need it for a nomination.',
    '四位数的ISCED-F 2013学科代码：0912 医学，0913 护理，0911 口腔医学。欧洲“无纸化伊拉斯谟”网络的合作伙伴在提名中需要此代码。',
    'Le code CITE-F 2013 à quatre chiffres : 0912 médecine, 0913 soins infirmiers, 0911 études dentaires. Les partenaires d’Erasmus Without Paper en ont besoin pour une nomination.',
  ],
  'xchg.eqfLevelHint': [
    'The level the student studies at when leaving, 1 to 8: 6 bachelor, 7 master, 8 doctorate.',
    '学生出发时所处的学习层次，1至8级：6 学士，7 硕士，8 博士。',
    'Le niveau d’études de l’étudiant au départ, de 1 à 8 : 6 licence, 7 master, 8 doctorat.',
  ],
  'xchg.created': ['Created.', '已创建。', 'Créé.'],
  'xchg.create': ['Create', '创建', 'Créer'],
  'xchg.cancel': ['Cancel', '取消', 'Annuler'],
} as const satisfies Record<string, Triple>;

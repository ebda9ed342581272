import type { Locale } from '../../../shared/contracts/common.ts';
import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { Catalogue, Triple } from './catalogue.ts';

/** Messages under a common prefix: `<prefix>.<key>` for each entry, the keys kept literal for MessageKey. */
export function prefixed<P extends string, K extends string>(prefix: P, entries: Record<K, Triple>): Record<`${P}.${K}`, Triple> {
  return Object.fromEntries(Object.entries<Triple>(entries).map(([key, text]) => [`${prefix}.${key}`, text])) as Record<`${P}.${K}`, Triple>;
}

/** The labels of an enumeration kept in src/shared/i18n (which the server's exports use) as messages. */
export function fromLabels<P extends string, K extends string>(prefix: P, labels: Record<K, Record<Locale, string>>): Record<`${P}.${K}`, Triple> {
  const entries = Object.fromEntries(Object.entries<Record<Locale, string>>(labels).map(([key, l]) => [key, [l.en, l.zh, l.fr] as const]));
  return prefixed(prefix, entries as Record<K, Triple>);
}

/** The appointment's fields, labelled the same in the form and in the record's history. */
const APPOINTMENT_FIELDS = {
  personId: ['Expert', '专家', 'Expert'],
  title: ['Title', '聘任职衔', 'Titre'],
  unitId: ['Appointing unit', '聘任单位', 'Composante qui nomme'],
  institutionId: ['Home institution', '所在机构', 'Établissement d’origine'],
  startDate: ['Term starts', '聘期开始', 'Début du mandat'],
  endDate: ['Term ends', '聘期结束', 'Fin du mandat'],
  notes: ['Notes', '备注', 'Notes'],
} satisfies Record<string, Triple>;

/** Foreign experts: the figure, appointments (record, lifecycle, renewal), documents, renewal list, the inbound record. */
export const EXPERTS = {
  ...prefixed('exp.field', APPOINTMENT_FIELDS),
  // the history of an appointment names its fields and values with these (audit-diff reads `<entity>.field.<name>`)
  ...prefixed('appointment.field', {
    ...APPOINTMENT_FIELDS,
    status: ['Status', '状态', 'Statut'],
    revokedOn: ['Revoked on', '解聘日期', 'Révoqué le'],
    predecessorId: ['Renews', '续聘自', 'Renouvelle'],
    successorId: ['Renewed by', '已续聘为', 'Renouvelé par'],
  }),
  ...fromLabels('appointment.title', APPOINTMENT_TITLE_LABELS),
  ...fromLabels('appointment.status', APPOINTMENT_STATUS_LABELS),
  'searchKind.appointment': ['Appointments of experts', '专家聘任', 'Nominations d’experts'],
  'exp.subtitle': [
    'Foreign scholars and experts holding a title of the school: honorary professors, consultants, visiting professors.',
    '受聘为我校名誉教授、顾问教授、客座教授等职衔的外国学者与专家。',
    'Les universitaires et experts étrangers qui portent un titre de l’école : professeurs honoraires, consultants, professeurs invités.',
  ],
  'exp.add': ['Propose an appointment', '提出聘任', 'Proposer une nomination'],
  'exp.newTitle': ['New appointment', '新增专家聘任', 'Nouvelle nomination'],
  'exp.newSubtitle': [
    'A unit proposes; the office confers the title.',
    '由单位提出聘任，国际交流处授予职衔。',
    'Une composante propose ; le bureau international confère le titre.',
  ],
  'exp.headline': ['{n} {n|expert|experts} engaged on {date}', '截至 {date}，在聘外国专家 {n} 人', '{n} {n|expert|experts} en fonction au {date}'],
  'exp.headlineDetail': [
    'from {places} countries and regions (countries: {countries}; regions: {regions})',
    '来自 {places} 个国家和地区（其中国家 {countries} 个、地区 {regions} 个）',
    'de {places} pays et régions (pays : {countries} ; régions : {regions})',
  ],
  'exp.engagedSince': ['{n} experts engaged since the first appointment', '累计聘任外国专家 {n} 人', '{n} experts nommés depuis la première nomination'],
  'exp.byTitle': ['By title', '按聘任职衔', 'Par titre'],
  'exp.byCountry': ['By country or region', '按国家或地区', 'Par pays ou région'],
  'exp.chartHint': ['Click a bar to list the appointments behind it.', '点击柱形可列出对应的聘任记录。', 'Cliquez sur une barre pour lister les nominations correspondantes.'],
  'exp.otherPlaces': ['Other or not recorded', '其他或未登记', 'Autres ou non renseigné'],
  'exp.noneEngaged': ['No expert engaged on this date.', '该日期无在聘专家。', 'Aucun expert en fonction à cette date.'],
  'exp.appointments': ['Appointments', '聘任记录', 'Nominations'],
  'exp.searchPlaceholder': ['Expert’s name, in any script…', '专家姓名（任意文字）…', 'Nom de l’expert, dans toute écriture…'],
  'exp.allTitles': ['All titles', '全部职衔', 'Tous titres'],
  'exp.inForceFilter': ['In force or not', '是否在聘', 'En fonction ou non'],
  'exp.inForceOn': ['In force on {date}', '{date} 在聘', 'En fonction au {date}'],
  'exp.notInForceOn': ['Not in force on {date}', '{date} 不在聘', 'Pas en fonction au {date}'],
  'exp.expert': ['Expert', '专家', 'Expert'],
  'exp.term': ['Term', '聘期', 'Mandat'],
  'exp.noEnd': ['no end of term', '不定期', 'sans terme'],
  'exp.tag.inForce': ['In force', '在聘', 'En fonction'],
  'exp.endHint': ['Leave empty for a title without an end of term.', '不定期聘任请留空。', 'Laisser vide pour un titre sans terme.'],
  'exp.personSearch': ['Type a name to find the person', '输入姓名查找人员', 'Tapez un nom pour trouver la personne'],
  'exp.newExpert': ['New person', '新增人员', 'Nouvelle personne'],
  'exp.newExpertHint': [
    'The expert is added to the people and becomes the expert of this appointment.',
    '该专家将添加到人员库，并作为本次聘任的专家。',
    'L’expert est ajouté aux personnes et devient l’expert de cette nomination.',
  ],
  'exp.coordinatorNote': [
    'As a coordinator you propose appointments for your unit’s experts; the office confers the title.',
    '作为院系联络员，您可为本单位的专家提出聘任，由国际交流处授予职衔。',
    'En tant que coordinateur, vous proposez des nominations pour les experts de votre composante ; le bureau confère le titre.',
  ],
  'exp.conferredNote': [
    'The title has been conferred: its title, unit and term are the office’s to change. You may still change the notes and the home institution.',
    '职衔已授予：职衔、聘任单位和聘期由国际交流处修改。您仍可修改备注和所在机构。',
    'Le titre est conféré : titre, composante et mandat relèvent du bureau. Vous pouvez encore modifier les notes et l’établissement d’origine.',
  ],
  'exp.deleteConfirm': ['Delete this proposal?', '确定删除该聘任提议？', 'Supprimer cette proposition ?'],
  'exp.lifecycle': ['Appointment', '聘任流程', 'Nomination'],
  'exp.to.appointed': ['Confer the title', '授予职衔', 'Conférer le titre'],
  'exp.to.revoked': ['Revoke the title', '解除聘任', 'Révoquer le titre'],
  'exp.confirm.appointed': ['Confer this title on the expert?', '确定授予该专家此职衔？', 'Conférer ce titre à l’expert ?'],
  'exp.officeOnly': ['{steps}: the international office’s step.', '{steps}：由国际交流处办理。', '{steps} : étape du bureau international.'],
  'exp.noNext': ['No further step.', '无后续步骤。', 'Plus d’étape.'],
  'exp.revokedOn': ['Revoked on', '解聘日期', 'Révoqué le'],
  'exp.renew': ['Propose a renewal', '提出续聘', 'Proposer un renouvellement'],
  'exp.renewConfirm': [
    'Propose the next term (same expert, title and unit), linked to this one?',
    '提出下一聘期（同一专家、职衔和单位），并与本聘任关联？',
    'Proposer le mandat suivant (même expert, titre et composante), lié à celui-ci ?',
  ],
  'exp.renewed': ['The renewal is proposed.', '续聘已提出。', 'Le renouvellement est proposé.'],
  'exp.predecessor': ['Renews', '续聘自', 'Renouvelle'],
  'exp.successor': ['Renewed by', '已续聘为', 'Renouvelé par'],
  'exp.doc.title': ['The expert’s documents', '专家证件', 'Documents de l’expert'],
  'exp.doc.add': ['Add a document', '添加证件', 'Ajouter un document'],
  'exp.doc.edit': ['Change the document', '修改证件', 'Modifier le document'],
  'exp.doc.none': ['No document recorded.', '暂无证件记录。', 'Aucun document enregistré.'],
  'exp.doc.field.kind': ['Document', '证件', 'Document'],
  'exp.doc.field.appointmentId': ['Belongs to', '所属', 'Rattaché à'],
  'exp.doc.field.number': ['Number', '证件号码', 'Numéro'],
  'exp.doc.field.issuedOn': ['Issued on', '签发日期', 'Délivré le'],
  'exp.doc.field.expiresOn': ['Expires on', '有效期至', 'Expire le'],
  'exp.doc.field.notes': ['Notes', '备注', 'Notes'],
  'exp.doc.thisAppointment': ['This appointment (#{id})', '本次聘任（#{id}）', 'Cette nomination (n° {id})'],
  'exp.doc.thisOne': ['This appointment', '本次聘任', 'Cette nomination'],
  'exp.doc.personOnly': ['The person (any appointment)', '本人（不限聘任）', 'La personne (toute nomination)'],
  'exp.doc.expired': ['Expired', '已过期', 'Expiré'],
  'exp.doc.expiresSoon': ['Expires soon', '即将到期', 'Expire bientôt'],
  'exp.doc.deleteConfirm': ['Delete this document?', '确定删除该证件？', 'Supprimer ce document ?'],
  'exp.renewals': ['Renewal list', '续聘与证件到期提醒', 'Renouvellements'],
  'exp.renewalsSubtitle': [
    'Terms ending and expert documents expiring in the next {months} months, soonest first.',
    '未来 {months} 个月内聘期届满的聘任和到期的专家证件，按日期排列。',
    'Les mandats qui finissent et les documents d’experts qui expirent dans les {months} prochains mois, les plus proches d’abord.',
  ],
  'exp.renewalsEmpty': ['Nothing ends in this period.', '此期间内没有到期事项。', 'Rien n’arrive à échéance sur cette période.'],
  'exp.dueOn': ['Ends on', '到期日期', 'Échéance'],
  'exp.what': ['What', '事项', 'Objet'],
  'exp.titleOrDocument': ['Title or document', '职衔或证件', 'Titre ou document'],
  'exp.renewalProposed': ['Renewal proposed', '已提出续聘', 'Renouvellement proposé'],
  'exp.record.title': ['Inbound record', '来访与聘任记录', 'Venues et nominations'],
  'exp.record.personTimes': [
    'Inbound person-times (visits and conferences): {n}',
    '来访 {n} 人次（含来访和参加会议）',
    'Venues comptées (visites et conférences) : {n}',
  ],
  'exp.record.appointments': ['Appointments ({n})', '聘任（{n}）', 'Nominations ({n})'],
  'exp.record.visits': ['Visits ({n})', '来访（{n}）', 'Visites ({n})'],
  'exp.record.conferences': ['Conferences ({n})', '会议（{n}）', 'Conférences ({n})'],
  'exp.record.documents': ['Documents ({n})', '证件（{n}）', 'Documents ({n})'],
  'exp.record.noAppointments': ['No appointment.', '无聘任记录。', 'Aucune nomination.'],
  'exp.record.noVisits': ['No visit recorded.', '无来访记录。', 'Aucune visite enregistrée.'],
  'exp.record.noConferences': ['No conference attended.', '无参会记录。', 'Aucune conférence.'],
  'exp.record.dates': ['Dates', '日期', 'Dates'],
  'exp.record.purpose': ['Purpose', '事由', 'Motif'],
} satisfies Catalogue;

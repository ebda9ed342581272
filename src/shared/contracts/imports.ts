import { z } from 'zod';
import { CleanString, pageOf, RequiredName, WholeNumber, type Locale } from './common.ts';
import type { Entity } from '../policies.ts';
import type { INSTITUTION_KINDS } from './institutions.ts';
import { AGREEMENT_KIND_LABELS, AGREEMENT_LEVEL_LABELS } from '../i18n/agreement-labels.ts';
import { AGREEMENT_KIND } from '../kinds/agreement.ts';
import { PROTOCOL_LEVEL_LABELS, VISIT_PURPOSE_LABELS, VISIT_STATUS_LABELS } from '../i18n/visit-labels.ts';
import { MISSION_IMPORT } from './import-missions.ts';
import { APPOINTMENT_IMPORT } from './import-appointments.ts';
import { HONOUR_IMPORT } from './import-honours.ts';
import { AGGREGATE_IMPORT } from './import-aggregates.ts';
import { STUDENT_IMPORT } from './import-students.ts';
import { EXCHANGE_APPLICATION_IMPORT } from './import-exchanges.ts';
import { PROGRAMME_STUDENT_IMPORT } from './import-programme-students.ts';
import { GENDER_LABELS } from './import-person-columns.ts';
import { ATTENDEE_IMPORT } from './import-attendees.ts';

/** Text in each of the interface's languages. */
export type Labels = Readonly<Record<Locale, string>>;

/** How a column's cells are read (server/modules/imports/import-values.ts). */
export type ImportValue =
  | { readonly is: 'text' }
  /** Several values in one cell, separated by ; ； | or a line break. */
  | { readonly is: 'list' }
  | { readonly is: 'date' }
  /** A day, or only a month (2019-03, 2019年3月, 3/2019) or a year (2019) when that is all that is known: YYYY-MM-DD, YYYY-MM or YYYY. */
  | { readonly is: 'partial-date' }
  /** A web address; one written without its scheme (www.example.org) is read as http://. */
  | { readonly is: 'url' }
  | { readonly is: 'country' }
  /** Several countries or regions in one cell, separated as a list is (a mission's itinerary). */
  | { readonly is: 'countries' }
  /** A whole number written with or without thousands separators (1,234 or 1 234). */
  | { readonly is: 'integer' }
  | { readonly is: 'unit' }
  /** An institution on file, by any of its names in any script. */
  | { readonly is: 'institution' }
  /** Several institutions on file, one name each, separated as a list is. */
  | { readonly is: 'institutions' }
  /** One of a fixed list, by its code or label in any language, or by one of the words offices write for it (`aliases`). */
  | { readonly is: 'choice'; readonly options: Readonly<Record<string, Labels>>; readonly aliases?: Readonly<Record<string, readonly string[]>> };

/**
 * One column of an import: the contract's field it fills, its header in each language (the
 * template's, and what the header row is recognised by, with `aliases` as offices write them).
 */
export interface ImportColumn {
  readonly field: string;
  readonly label: Labels;
  readonly aliases?: readonly string[];
  readonly value: ImportValue;
  readonly required?: boolean;
  /** The value of an empty cell (or a missing column), when the contract needs one. */
  readonly default?: string;
}

/** A kind of record that can be imported, described as data: its columns, in the template's order. */
export interface ImportKind {
  /** The URL segment (`/api/imports/<name>`) and the CLI's KIND. */
  readonly name: 'institutions' | 'people' | 'agreements' | 'visits' | 'missions' | 'appointments' | 'honours' | 'aggregates' | 'students' | 'exchange-applications' | 'programme-students' | 'attendees';
  readonly one: Labels;
  /** How the file is read, when a row is not simply one record: the template's second sheet. */
  readonly guide?: Labels;
  /** The policy entity: importing is creating records of it. */
  readonly entity: Entity;
  readonly columns: readonly ImportColumn[];
  /** The most data rows one file may have (400 `file: too_many_rows` past it), when the kind has its own limit. */
  readonly maxRows?: number;
  /** The choices for the whole file the kind takes beyond the reading options (a draft keeps them): attendees' `conference`. */
  readonly choices?: ReadonlyArray<keyof ImportChoices>;
}

const INSTITUTION_KIND_LABELS: Record<(typeof INSTITUTION_KINDS)[number], Labels> = {
  university: { en: 'University', zh: '大学', fr: 'Université' },
  hospital: { en: 'Hospital', zh: '医院', fr: 'Hôpital' },
  research_institute: { en: 'Research institute', zh: '研究机构', fr: 'Institut de recherche' },
  international_organization: { en: 'International organization', zh: '国际组织', fr: 'Organisation internationale' },
  foundation: { en: 'Foundation', zh: '基金会', fr: 'Fondation' },
  government_body: { en: 'Government body', zh: '政府机构', fr: 'Organisme public' },
  association: { en: 'Association', zh: '协会', fr: 'Association' },
  company: { en: 'Company', zh: '企业', fr: 'Entreprise' },
};

/** Institutions: partners, hospitals, organizations (contract: InstitutionInput). */
export const INSTITUTION_IMPORT: ImportKind = {
  name: 'institutions',
  one: { en: 'institution', zh: '机构', fr: 'établissement' },
  entity: 'institution',
  columns: [
    { field: 'nameEn', label: { en: 'Name (English)', zh: '英文名称', fr: 'Nom (anglais)' }, aliases: ['name', 'english name', 'institution', 'nom', '名称', '机构名称', '英文名'], value: { is: 'text' }, required: true },
    { field: 'nameZh', label: { en: 'Name (Chinese)', zh: '中文名称', fr: 'Nom (chinois)' }, aliases: ['chinese name', 'nom chinois', '中文名', '机构中文名称'], value: { is: 'text' } },
    { field: 'nameFr', label: { en: 'Name (French)', zh: '法文名称', fr: 'Nom (français)' }, aliases: ['french name', 'nom français', '法文名'], value: { is: 'text' } },
    { field: 'nameLocal', label: { en: 'Name (local language)', zh: '当地语言名称', fr: 'Nom (langue locale)' }, aliases: ['local name', 'native name', 'nom local', '原文名称'], value: { is: 'text' } },
    { field: 'otherNames', label: { en: 'Other names', zh: '其他名称', fr: 'Autres noms' }, aliases: ['aliases', 'also known as', 'alias', 'autres appellations', '别名', '曾用名'], value: { is: 'list' } },
    { field: 'kind', label: { en: 'Kind', zh: '类型', fr: 'Type' }, aliases: ['type', 'category', 'catégorie', '机构类型', '类别'], value: { is: 'choice', options: INSTITUTION_KIND_LABELS }, default: 'university' },
    { field: 'countryCode', label: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' }, aliases: ['country', 'country/region', 'pays', '国家', '国家/地区', '国别'], value: { is: 'country' }, required: true },
    { field: 'city', label: { en: 'City', zh: '城市', fr: 'Ville' }, aliases: ['town', '所在城市'], value: { is: 'text' } },
    { field: 'website', label: { en: 'Website', zh: '网址', fr: 'Site web' }, aliases: ['web', 'url', 'site', 'site internet', 'website url', '网站', '主页'], value: { is: 'url' } },
    { field: 'ror', label: { en: 'ROR ID', zh: 'ROR 标识', fr: 'Identifiant ROR' }, aliases: ['ror'], value: { is: 'text' } },
    { field: 'schac', label: { en: 'SCHAC code', zh: 'SCHAC 代码', fr: 'Code SCHAC' }, aliases: ['schac'], value: { is: 'text' } },
    { field: 'erasmusCode', label: { en: 'Erasmus code', zh: 'Erasmus 代码', fr: 'Code Erasmus' }, aliases: ['erasmus'], value: { is: 'text' } },
    { field: 'pic', label: { en: 'PIC', zh: 'PIC 编号', fr: 'PIC' }, value: { is: 'text' } },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

/** People: experts, visitors, our staff (contract: PersonInput; personal data is entered on the record, not imported). */
export const PERSON_IMPORT: ImportKind = {
  name: 'people',
  one: { en: 'person', zh: '人员', fr: 'personne' },
  entity: 'person',
  columns: [
    { field: 'familyName', label: { en: 'Family name', zh: '姓', fr: 'Nom de famille' }, aliases: ['surname', 'last name', 'family', 'nom', '姓氏'], value: { is: 'text' }, required: true },
    { field: 'givenName', label: { en: 'Given name', zh: '名', fr: 'Prénom' }, aliases: ['first name', 'forename', 'prenom', '名字'], value: { is: 'text' } },
    { field: 'nameZh', label: { en: 'Chinese name', zh: '中文姓名', fr: 'Nom chinois' }, aliases: ['name in chinese', '姓名', '中文名'], value: { is: 'text' } },
    { field: 'otherNames', label: { en: 'Other names', zh: '其他姓名', fr: 'Autres noms' }, aliases: ['aliases', 'alias', '别名', '曾用名'], value: { is: 'list' } },
    { field: 'gender', label: { en: 'Gender', zh: '性别', fr: 'Genre' }, aliases: ['sex', 'sexe'], value: { is: 'choice', options: GENDER_LABELS } },
    { field: 'nationality', label: { en: 'Nationality', zh: '国籍', fr: 'Nationalité' }, aliases: ['country', 'country or region', 'pays', '国家', '国家或地区', '国家/地区'], value: { is: 'country' } },
    { field: 'institutionId', label: { en: 'Institution', zh: '单位', fr: 'Établissement' }, aliases: ['organization', 'organisation', 'affiliation', 'employer', 'organisme', '工作单位', '所在单位', '机构'], value: { is: 'institution' } },
    { field: 'title', label: { en: 'Title', zh: '职务职称', fr: 'Titre' }, aliases: ['position', 'job title', 'fonction', '职务', '职称'], value: { is: 'text' } },
    { field: 'email', label: { en: 'Email', zh: '电子邮箱', fr: 'Courriel' }, aliases: ['e-mail', 'mail', 'email address', 'adresse électronique', '邮箱', '电子邮件'], value: { is: 'text' } },
    { field: 'unitId', label: { en: 'Our unit', zh: '所属部门', fr: 'Notre unité' }, aliases: ['unit', 'department', 'unité', 'département', '部门', '院系', '所属单位'], value: { is: 'unit' } },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

/**
 * Agreements with their partners (contract: AgreementInput). A status past draft is reached by
 * the agreement's own steps, dated by the row's dates, as if each had been taken in the app.
 */
export const AGREEMENT_IMPORT: ImportKind = {
  name: 'agreements',
  one: { en: 'agreement', zh: '协议', fr: 'accord' },
  entity: 'agreement',
  columns: [
    { field: 'titleEn', label: { en: 'Title (English)', zh: '英文标题', fr: 'Titre (anglais)' }, aliases: ['title', 'english title', 'agreement', 'titre', '协议英文名称'], value: { is: 'text' }, required: true },
    { field: 'titleZh', label: { en: 'Title (Chinese)', zh: '中文标题', fr: 'Titre (chinois)' }, aliases: ['chinese title', '协议名称', '协议中文名称', '标题', '名称'], value: { is: 'text' }, required: true },
    { field: 'titleFr', label: { en: 'Title (French)', zh: '法文标题', fr: 'Titre (français)' }, aliases: ['french title'], value: { is: 'text' } },
    { field: 'partners', label: { en: 'Partners', zh: '合作方', fr: 'Partenaires' }, aliases: ['partner', 'partner institution', 'partner institutions', 'partenaire', '合作院校', '合作机构', '外方单位', '合作单位'], value: { is: 'institutions' }, required: true },
    { field: 'level', label: { en: 'Level', zh: '级别', fr: 'Niveau' }, aliases: ['协议级别', '层级'], value: { is: 'choice', options: AGREEMENT_LEVEL_LABELS }, default: 'institutional' },
    { field: 'kind', label: { en: 'Kind', zh: '协议类型', fr: 'Type' }, aliases: ['type', 'category', '类型', '类别'], value: { is: 'choice', options: AGREEMENT_KIND_LABELS }, default: 'comprehensive' },
    { field: 'unitId', label: { en: 'Our signing unit', zh: '签约单位（院级）', fr: 'Unité signataire' }, aliases: ['unit', 'our unit', 'unité', '签约单位', '我方单位', '院系'], value: { is: 'unit' } },
    { field: 'ourSignatory', label: { en: 'Our signatory', zh: '我方签署人', fr: 'Notre signataire' }, aliases: ['signatory', '签署人'], value: { is: 'text' } },
    { field: 'partnerSignatory', label: { en: 'Partner signatory', zh: '外方签署人', fr: 'Signataire partenaire' }, value: { is: 'text' } },
    { field: 'signedOn', label: { en: 'Signed on', zh: '签署日期', fr: 'Signé le' }, aliases: ['signed', 'date signed', 'signature', 'date de signature', '签订日期', '签约日期'], value: { is: 'date' } },
    { field: 'effectiveOn', label: { en: 'Effective from', zh: '生效日期', fr: 'En vigueur le' }, aliases: ['effective', 'start date', 'début', '开始日期'], value: { is: 'date' } },
    { field: 'expiresOn', label: { en: 'Expires on', zh: '到期日期', fr: 'Expire le' }, aliases: ['expiry', 'end date', 'expiration', 'fin', '截止日期', '有效期至'], value: { is: 'date' } },
    { field: 'status', label: { en: 'Status', zh: '状态', fr: 'Statut' }, aliases: ['état', '协议状态'], value: { is: 'choice', options: AGREEMENT_KIND.statusLabels }, default: 'draft' },
    { field: 'notes', label: { en: 'Notes', zh: '备注', fr: 'Notes' }, aliases: ['remarks', 'comments', 'remarques', '说明'], value: { is: 'text' } },
  ],
};

/** The statuses an imported visit may be in: the steps to it are taken as if in the app. */
const IMPORTED_VISIT_STATUSES = ['requested', 'approved', 'held', 'closed'] as const;

/**
 * Visits with their visitors: one row per visitor. Rows with the same visit title (English),
 * host unit, first day and last day are one visit, its visitors in the file's order (the head
 * first); the visit's other columns are read from the first of its rows that fills them.
 */
export const VISIT_IMPORT: ImportKind = {
  name: 'visits',
  one: { en: 'visit', zh: '来访', fr: 'visite' },
  entity: 'visit',
  guide: {
    en:
      'One row per visitor. Rows with the same visit title (English), host unit, first day and last day are one visit; its visitors are in the order of the rows, the head of the delegation first. ' +
      "The visit's other columns (Chinese title, purpose, protocol level, receiving official, status, report, notes) are taken from the first of its rows that fills them; the other rows may leave them empty. " +
      "A visitor is looked for among the people on file by passport number, then by name however written (王振义, 王振義, Wang Zhenyi, WANG Zhen-yi); a visitor found is linked, not changed. " +
      'A visit already on file (same title, host unit and days) is recognised and never entered twice. Status: held (the default) or closed counts the visitors in the figures; closed needs the report.',
    zh:
      '每位来访人员一行。来访标题（英文）、接待单位、开始日期和结束日期都相同的行属于同一次来访；来访人员按行的顺序排列，团长在前。' +
      '来访的其他列（中文标题、来访目的、礼宾级别、接待领导、状态、总结、备注）取自该来访中第一行填写了该列的值，其他行可以留空。' +
      '来访人员先按护照号码、再按姓名的各种写法（王振义、王振義、Wang Zhenyi、WANG Zhen-yi）与已有人员匹配；匹配到的人员只关联，不修改。' +
      '系统中已有的来访（标题、接待单位和日期相同）会被识别，不会重复录入。状态为“已接待”（默认）或“已结项”时计入统计；已结项须填写总结。',
    fr:
      "Une ligne par visiteur. Les lignes ayant le même titre de visite (anglais), la même unité d'accueil, le même premier et le même dernier jour forment une visite ; ses visiteurs sont dans l'ordre des lignes, le chef de délégation en premier. " +
      "Les autres colonnes de la visite (titre chinois, objet, niveau protocolaire, personnalité d'accueil, statut, compte rendu, notes) sont prises de la première de ses lignes qui les remplit ; les autres lignes peuvent les laisser vides. " +
      'Un visiteur est cherché parmi les personnes enregistrées par numéro de passeport, puis par nom quelle que soit son écriture (王振义, 王振義, Wang Zhenyi, WANG Zhen-yi) ; un visiteur trouvé est lié, non modifié. ' +
      'Une visite déjà enregistrée (même titre, unité et jours) est reconnue et jamais saisie deux fois. Statut : effectuée (par défaut) ou close compte les visiteurs dans les chiffres ; close exige le compte rendu.',
  },
  columns: [
    { field: 'titleEn', label: { en: 'Visit title (English)', zh: '来访标题（英文）', fr: 'Titre de la visite (anglais)' }, aliases: ['visit', 'visit title', 'delegation', 'title', 'visite', 'délégation', '来访团组', '团组名称', '团组英文名称'], value: { is: 'text' }, required: true },
    { field: 'titleZh', label: { en: 'Visit title (Chinese)', zh: '来访标题（中文）', fr: 'Titre de la visite (chinois)' }, aliases: ['chinese title', '来访标题', '团组中文名称', '来访事由'], value: { is: 'text' } },
    { field: 'hostUnitId', label: { en: 'Host unit', zh: '接待单位', fr: "Unité d'accueil" }, aliases: ['host', 'unit', 'unité', 'accueil', '接待部门', '邀请单位', '院系'], value: { is: 'unit' }, required: true },
    { field: 'purpose', label: { en: 'Purpose', zh: '来访目的', fr: 'Objet' }, aliases: ['objet de la visite', '目的', '来访性质'], value: { is: 'choice', options: VISIT_PURPOSE_LABELS }, default: 'academic_exchange' },
    { field: 'startDate', label: { en: 'First day', zh: '开始日期', fr: 'Premier jour' }, aliases: ['from', 'start', 'start date', 'arrival', 'du', 'arrivée', '来访日期', '抵达日期', '起始日期'], value: { is: 'date' }, required: true },
    { field: 'endDate', label: { en: 'Last day', zh: '结束日期', fr: 'Dernier jour' }, aliases: ['to', 'end', 'end date', 'departure', 'au', 'départ', '离开日期', '离境日期', '截止日期'], value: { is: 'date' }, required: true },
    { field: 'protocolLevel', label: { en: 'Protocol level', zh: '礼宾级别', fr: 'Niveau protocolaire' }, aliases: ['level', 'niveau', '级别', '接待规格'], value: { is: 'choice', options: PROTOCOL_LEVEL_LABELS }, default: 'other' },
    { field: 'receivingOfficial', label: { en: 'Receiving official', zh: '接待领导', fr: "Personnalité d'accueil" }, aliases: ['received by', 'reçu par', '会见领导', '接见领导'], value: { is: 'text' } },
    { field: 'status', label: { en: 'Status', zh: '状态', fr: 'Statut' }, aliases: ['état', '来访状态'], value: { is: 'choice', options: Object.fromEntries(IMPORTED_VISIT_STATUSES.map((s) => [s, VISIT_STATUS_LABELS[s]])) }, default: 'held' },
    { field: 'report', label: { en: 'Report', zh: '来访总结', fr: 'Compte rendu' }, aliases: ['minutes', 'summary', '总结', '纪要'], value: { is: 'text' } },
    { field: 'notes', label: { en: 'Visit notes', zh: '来访备注', fr: 'Notes de la visite' }, aliases: ['notes', 'remarks', 'remarques', '备注', '说明'], value: { is: 'text' } },
    { field: 'familyName', label: { en: 'Family name', zh: '姓', fr: 'Nom de famille' }, aliases: ['surname', 'last name', 'nom', '姓氏'], value: { is: 'text' }, required: true },
    { field: 'givenName', label: { en: 'Given name', zh: '名', fr: 'Prénom' }, aliases: ['first name', 'forename', 'prenom', '名字'], value: { is: 'text' } },
    { field: 'nameZh', label: { en: 'Chinese name', zh: '中文姓名', fr: 'Nom chinois' }, aliases: ['name in chinese', '姓名', '中文名'], value: { is: 'text' } },
    { field: 'gender', label: { en: 'Gender', zh: '性别', fr: 'Genre' }, aliases: ['sex', 'sexe'], value: { is: 'choice', options: GENDER_LABELS } },
    { field: 'nationality', label: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' }, aliases: ['nationality', 'country', 'pays', 'nationalité', '国籍', '国家', '国家/地区'], value: { is: 'country' } },
    { field: 'institutionId', label: { en: 'Institution', zh: '工作单位', fr: 'Établissement' }, aliases: ['organization', 'organisation', 'affiliation', 'organisme', '所在单位', '外方单位', '机构'], value: { is: 'institution' } },
    { field: 'position', label: { en: 'Position', zh: '职务职称', fr: 'Fonction' }, aliases: ['job title', 'fonction', 'titre', '职务', '职称'], value: { is: 'text' } },
    { field: 'roleInDelegation', label: { en: 'Role in the delegation', zh: '团内身份', fr: 'Rôle dans la délégation' }, aliases: ['role', 'rôle', '身份', '团内职务'], value: { is: 'text' } },
    { field: 'email', label: { en: 'Email', zh: '电子邮箱', fr: 'Courriel' }, aliases: ['e-mail', 'mail', 'adresse électronique', '邮箱', '电子邮件'], value: { is: 'text' } },
    { field: 'passportNumber', label: { en: 'Passport number', zh: '护照号码', fr: 'Numéro de passeport' }, aliases: ['passport', 'passport no', 'passport no.', 'passeport', '护照号', '护照'], value: { is: 'text' } },
  ],
};

/** Every kind that can be imported, by name. */
export const IMPORT_KINDS = { institutions: INSTITUTION_IMPORT, people: PERSON_IMPORT, agreements: AGREEMENT_IMPORT, visits: VISIT_IMPORT, missions: MISSION_IMPORT, appointments: APPOINTMENT_IMPORT, honours: HONOUR_IMPORT, aggregates: AGGREGATE_IMPORT, students: STUDENT_IMPORT,
  'exchange-applications': EXCHANGE_APPLICATION_IMPORT, 'programme-students': PROGRAMME_STUDENT_IMPORT, attendees: ATTENDEE_IMPORT } as const;
export type ImportKindName = keyof typeof IMPORT_KINDS;

/** What to do with a row that may be a record already on file, when the user has not said. */
export const ON_DUPLICATE = ['skip', 'update', 'fail'] as const;

/** The choices a preview or a commit takes besides the file (query string: an upload's body is the file). */
export const ImportQuery = z.object({
  /** A CSV's encoding, instead of the one detected. */
  encoding: z.string().trim().max(40).optional(),
  /** Read 5/3/2019 as 5 March (true) or May 3 (false); by default the file's dates decide, else day first. */
  dayFirst: z.enum(['true', 'false']).optional(),
  /** A saved mapping's name. */
  mapping: z.string().trim().min(1).max(120).optional(),
  /** A mapping given whole, as JSON: { "<header>": "<field>" or "" to leave a column out }. */
  columns: z.string().max(20_000).optional(),
  onDuplicate: z.enum(ON_DUPLICATE).default('skip'),
  /** The conference a file of attendees is added to (its id), instead of a Conference column. */
  conference: z.coerce.number().int().positive().optional(),
  /** Per row, as JSON: { "<row number>": "create" | "skip" | <id of the record to update> }. */
  decisions: z.string().max(200_000).optional(),
});
export type ImportQuery = z.input<typeof ImportQuery>;

/**
 * The choices a kind takes for a whole file beyond the reading options (encoding, day order,
 * mapping, decisions): today the conference a file of attendees is added to. A draft keeps them,
 * so its preview, commit and background job read the file as the synchronous ones do.
 */
export const ImportChoices = z.object({
  conference: z.number().int().positive().optional(),
});
export type ImportChoices = z.infer<typeof ImportChoices>;

/** The choices `kind` takes, as given in a preview's or a commit's query string (another kind's are left out). */
export function importChoicesOf(kind: ImportKind, query: Pick<z.output<typeof ImportQuery>, keyof ImportChoices>): ImportChoices {
  const takes = (choice: keyof ImportChoices) => kind.choices?.includes(choice) ?? false;
  return { ...(takes('conference') && query.conference !== undefined ? { conference: query.conference } : {}) };
}

/** Saving a column mapping under a name. */
export const ImportMappingInput = z.object({
  name: RequiredName(120),
  columns: z.record(CleanString().max(300), CleanString().max(60)),
});
export type ImportMappingInput = z.input<typeof ImportMappingInput>;

/** The class of a row in a preview. */
export const ROW_CLASSES = ['new', 'update', 'duplicate', 'error'] as const;
export type RowClass = (typeof ROW_CLASSES)[number];

/** A saved column mapping, as answered. */
export const ImportMapping = z.object({ id: z.number(), kind: z.string(), name: z.string(), columns: z.record(z.string(), z.string()), version: z.number() });
export type ImportMapping = z.infer<typeof ImportMapping>;
/** A kind's saved mappings, by name. */
export const ImportMappingList = z.object({ items: z.array(ImportMapping) });

const ImportedEntity = z.enum(['institution', 'person', 'agreement', 'visit', 'mission', 'appointment', 'honour', 'aggregate', 'student', 'exchange_application', 'programme_student', 'residency_placement', 'conference_attendee']);
const RowCounts = z.object({ new: z.number(), update: z.number(), duplicate: z.number(), error: z.number() });

/** Rows a draft's preview answers at a time (the first page, and the rows API's default page). */
export const IMPORT_PREVIEW_PAGE_SIZE = 50;

/** One row of a preview: its class, its values as read, the records it may be, its problems in the reader's language. */
export const ImportPreviewRow = z.object({
  rowNumber: z.number(),
  class: z.enum(ROW_CLASSES),
  values: z.record(z.string(), z.unknown()),
  defaulted: z.array(z.string()),
  matches: z.array(z.object({ id: z.number().optional(), row: z.number().optional(), label: z.string(), reason: z.string() })),
  problems: z.array(z.object({ field: z.string(), column: z.string(), reason: z.string(), message: z.string() })),
  group: z.object({ first: z.number(), onFile: z.number().optional() }).optional(),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

/** What a file would import, before anything is written: each header's field, each row classified with its matches and problems. */
export const ImportPreviewResult = z.object({
  kind: z.enum(Object.keys(IMPORT_KINDS) as [ImportKindName, ...ImportKindName[]]),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  dayOrder: z.enum(['day-first', 'month-first']),
  headers: z.array(z.object({ index: z.number(), header: z.string(), field: z.string().nullable() })),
  counts: RowCounts,
  rows: z.array(ImportPreviewRow),
});
export type ImportPreviewResult = z.infer<typeof ImportPreviewResult>;

/** A page of a draft's staged preview rows: one class (or all), in file order. */
export const ImportDraftRowsQuery = z.object({
  class: z.enum(ROW_CLASSES).optional(),
  page: WholeNumber.pipe(z.number().int().min(1).max(1_000_000)).default(1),
  pageSize: WholeNumber.pipe(z.number().int().min(1).max(200)).default(IMPORT_PREVIEW_PAGE_SIZE),
});
export type ImportDraftRowsQuery = z.input<typeof ImportDraftRowsQuery>;

/** A page of a draft's preview rows, `total` the rows of the class asked for (of every class when none). */
export const ImportDraftRowsPage = pageOf(ImportPreviewRow).extend({ class: z.enum(ROW_CLASSES).nullable() });
export type ImportDraftRowsPage = z.infer<typeof ImportDraftRowsPage>;

/**
 * A draft's preview as an upload, a save or a reopening answers it: what the file was read as,
 * the counts per class, and the first page of its rows (every class) rather than every row; the
 * other pages and classes are read from GET /api/imports/drafts/:id/rows.
 */
export const ImportDraftPreview = ImportPreviewResult.extend({ rowsTotal: z.number().int(), pageSize: z.number().int() });
export type ImportDraftPreview = z.infer<typeof ImportDraftPreview>;

/** What a commit wrote: the import's id (for its undo), each record written, the counts by outcome and by the preview's classes. */
export const ImportCommitResult = z.object({
  importId: z.number(),
  records: z.array(z.object({ entity: ImportedEntity, id: z.number(), action: z.enum(['created', 'updated']) })),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  counts: RowCounts,
  encoding: z.string().nullable(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;

/** A committed import as kept: what it wrote (each record at the version it left it), whether and when it was undone. */
export const ImportRecord = z.object({
  id: z.number(),
  kind: z.string(),
  fileName: z.string(),
  actorId: z.number().nullable(),
  // The outcome as the commit stored it; the records are what an undo reads.
  outcome: z.object({ records: z.array(z.object({ entity: ImportedEntity, id: z.number(), action: z.enum(['created', 'updated']), version: z.number() })).optional() }).catchall(z.unknown()),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

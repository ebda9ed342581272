import { z } from 'zod';
import { Id, IsoDate, Locale, WholeNumber } from './common.ts';

const Year = WholeNumber.pipe(z.number().int().min(1900).max(2100));

/** The documents the office writes from its records, each filled from one kind of record. */
export const DOCUMENT_KINDS = ['invitation_letter', 'visa_support_letter', 'acceptance_letter', 'nomination_letter', 'attendance_certificate', 'appointment_letter'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The record a document is filled from: a visit, a student's enrolment, a partner and academic year, a conference's attendee, an appointment. */
export const DOCUMENT_RECORDS: Readonly<Record<DocumentKind, 'visit' | 'student' | 'exchange' | 'conference' | 'appointment'>> = {
  invitation_letter: 'visit',
  visa_support_letter: 'visit',
  acceptance_letter: 'student',
  nomination_letter: 'exchange',
  attendance_certificate: 'conference',
  appointment_letter: 'appointment',
};

/** A template's file: a .docx of at most this size. */
export const DOCUMENT_TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

/** One placeholder a template may use: its tag, its meaning in each language, an example value. */
export interface Placeholder {
  name: string;
  en: string;
  zh: string;
  fr: string;
  example: string;
  /** The fields of each item, for a loop (`{#members}…{/members}`). */
  items?: readonly Placeholder[];
}

const p = (name: string, en: string, zh: string, fr: string, example: string, items?: readonly Placeholder[]): Placeholder => ({ name, en, zh, fr, example, ...(items ? { items } : {}) });

/** What every document knows: the date and reference it carries, the school and the unit writing it. */
const COMMON: readonly Placeholder[] = [
  p('date', 'The date of the document, written in its language', '文件日期（按文件语言书写）', 'La date du document, écrite dans sa langue', '6 December 2026 / 2026年12月6日 / 6 décembre 2026'),
  p('reference', 'The document’s reference number', '文件编号', 'La référence du document', 'V12-345'),
  p('university', 'The university’s name', '学校名称', 'Le nom de l’université', 'Shanghai Jiao Tong University School of Medicine'),
  p('office', 'The international office’s name', '外事办公室名称', 'Le nom du bureau des relations internationales', 'Office of International Cooperation and Exchange'),
  p('hostUnit', 'The full official name of the unit writing the document', '发文单位全称', 'Le nom officiel complet de l’unité qui écrit le document', '上海交通大学医学院附属瑞金医院'),
];

const VISIT: readonly Placeholder[] = [
  p('visitorName', 'The visitor the letter is addressed to, as on the passport', '受邀人姓名（中文函为中文名）', 'Le nom du visiteur destinataire, comme sur le passeport', 'Claire MARTIN'),
  p('visitorTitle', 'The visitor’s title', '受邀人职称', 'Le titre du visiteur', 'Professor'),
  p('visitorInstitution', 'The visitor’s institution', '受邀人所在机构', 'L’établissement du visiteur', 'Université Paris Cité'),
  p('visitorCountry', 'The visitor’s country or region', '受邀人国家或地区', 'Le pays ou la région du visiteur', 'France'),
  p('visitTitle', 'The visit’s title', '访问名称', 'L’intitulé de la visite', 'Haematology seminar'),
  p('purpose', 'The purpose of the visit', '访问目的', 'L’objet de la visite', 'Lecturing'),
  p('startDate', 'The first day of the visit', '访问开始日期', 'Le premier jour de la visite', '10 May 2027'),
  p('endDate', 'The last day of the visit', '访问结束日期', 'Le dernier jour de la visite', '12 May 2027'),
  p('receivingOfficial', 'Who receives the delegation', '接待负责人', 'Qui reçoit la délégation', '李副院长'),
  p('delegationSize', 'The number of people in the delegation', '代表团人数', 'Le nombre de membres de la délégation', '4'),
  p('headName', 'The head of the delegation', '团长姓名', 'Le chef de la délégation', 'Claire MARTIN'),
];

const member = (withPassport: boolean): readonly Placeholder[] => [
  p('name', 'The member’s name', '成员姓名', 'Le nom du membre', 'Ahmed AL-FARSI'),
  p('role', 'The member’s role in the delegation', '成员在代表团中的身份', 'Le rôle du membre dans la délégation', 'Head of delegation'),
  p('institution', 'The member’s institution', '成员所在机构', 'L’établissement du membre', 'Cairo University'),
  p('country', 'The member’s country or region', '成员国家或地区', 'Le pays ou la région du membre', 'Egypt'),
  ...(withPassport
    ? [
        p('nationality', 'The member’s nationality', '成员国籍', 'La nationalité du membre', 'Egypt'),
        // A visa office needs the passport: this letter alone carries it, and only to readers who may see personal data.
        p('passportNumber', 'The passport number (the visa office needs it)', '护照号码（签证机关需要）', 'Le numéro de passeport (le consulat en a besoin)', 'A12345678'),
        p('birthDate', 'The date of birth, in the letter’s language', '出生日期', 'La date de naissance', '1 March 1970'),
      ]
    : []),
];

/** Each kind's placeholders, described in one place: the server checks templates against them, the settings page lists them. */
export const DOCUMENT_PLACEHOLDERS: Readonly<Record<DocumentKind, readonly Placeholder[]>> = {
  invitation_letter: [...COMMON, ...VISIT, p('members', 'The delegation’s members (a loop)', '代表团成员（循环）', 'Les membres de la délégation (une boucle)', '{#members}{name}{/members}', member(false))],
  visa_support_letter: [
    ...COMMON,
    ...VISIT,
    p('members', 'The delegation’s members with their passports (a loop)', '代表团成员及护照信息（循环）', 'Les membres de la délégation et leurs passeports (une boucle)', '{#members}{name} {passportNumber}{/members}', member(true)),
  ],
  acceptance_letter: [
    ...COMMON,
    p('studentName', 'The student’s name', '学生姓名', 'Le nom de l’étudiant', 'Somchai JAIDEE'),
    p('studentNumber', 'The student number', '学号', 'Le numéro d’étudiant', '2027INT0042'),
    p('nationality', 'The student’s nationality', '学生国籍', 'La nationalité de l’étudiant', 'Thailand'),
    p('programme', 'The programme the student is admitted to', '录取专业', 'Le programme d’admission', 'Clinical Medicine (MBBS)'),
    p('level', 'The level of study', '学习层次', 'Le niveau d’études', 'Bachelor'),
    p('admittedOn', 'The date of admission', '录取日期', 'La date d’admission', '1 June 2027'),
    p('startDate', 'The date studies begin', '入学日期', 'La date de début des études', '1 September 2027'),
    p('expectedCompletion', 'The expected date of completion', '预计毕业日期', 'La date prévue de fin d’études', '30 June 2033'),
  ],
  nomination_letter: [
    ...COMMON,
    p('partner', 'The partner receiving the nominees', '接收学生的合作院校', 'Le partenaire qui accueille les étudiants', 'Université Paris Cité'),
    p('academicYear', 'The academic year (its first calendar year)', '学年', 'L’année universitaire', '2027–2028'),
    p('nomineeCount', 'The number of nominees', '提名人数', 'Le nombre d’étudiants nommés', '3'),
    p('nominees', 'The nominees (a loop)', '提名学生（循环）', 'Les étudiants nommés (une boucle)', '{#nominees}{name}{/nominees}', [
      p('name', 'The student’s name', '学生姓名', 'Le nom de l’étudiant', '王小明'),
      p('programme', 'The exchange programme', '交流项目', 'Le programme d’échange', 'Semester exchange in Paris'),
      p('departureDate', 'The planned departure', '计划出发日期', 'Le départ prévu', '1 September 2027'),
      p('returnDate', 'The planned return', '计划返回日期', 'Le retour prévu', '31 January 2028'),
    ]),
  ],
  attendance_certificate: [
    ...COMMON,
    p('attendeeName', 'The attendee’s name', '参会人姓名', 'Le nom du participant', 'Иван ПЕТРОВ'),
    p('attendeeInstitution', 'The attendee’s institution', '参会人所在机构', 'L’établissement du participant', 'Moscow State University'),
    p('attendeeRole', 'The attendee’s role at the conference', '参会身份', 'Le rôle du participant', 'Speaker'),
    p('conferenceTitle', 'The conference’s title', '会议名称', 'L’intitulé de la conférence', 'Shanghai International Symposium on Haematology'),
    p('venue', 'Where the conference was held', '会议地点', 'Le lieu de la conférence', 'Shanghai'),
    p('startDate', 'The first day of the conference', '会议开始日期', 'Le premier jour de la conférence', '6 December 2026'),
    p('endDate', 'The last day of the conference', '会议结束日期', 'Le dernier jour de la conférence', '8 December 2026'),
  ],
  appointment_letter: [
    ...COMMON,
    p('expertName', 'The expert’s name', '专家姓名', 'Le nom de l’expert', 'Claire MARTIN'),
    p('expertInstitution', 'The expert’s institution', '专家所在机构', 'L’établissement de l’expert', 'Université Paris Cité'),
    p('appointmentTitle', 'The title conferred', '聘任职衔', 'Le titre conféré', 'Honorary Professor'),
    p('startDate', 'The first day of the term', '聘期开始日期', 'Le premier jour du mandat', '1 January 2027'),
    p('endDate', 'The last day of the term (empty when open-ended)', '聘期结束日期（无固定期限时为空）', 'Le dernier jour du mandat (vide s’il est sans terme)', '31 December 2029'),
  ],
};

export const DocumentTemplateParams = z.object({ kind: DocumentKind, lang: Locale });

/** One stored template (its content is downloaded apart). */
export const DocumentTemplate = z.object({
  kind: DocumentKind,
  lang: Locale,
  fileName: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  placeholders: z.array(z.string()),
  createdAt: z.string(),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;

/** Each kind and language, with the office's template where one was uploaded (else the built-in default is used). */
export const DocumentTemplateList = z.object({
  items: z.array(z.object({ kind: DocumentKind, lang: Locale, template: DocumentTemplate.nullable() })),
  pdfAvailable: z.boolean(),
});
export type DocumentTemplateList = z.infer<typeof DocumentTemplateList>;

/**
 * Asking for one document: the record it is filled from (a nomination letter's is a partner
 * and an academic year), the language, the date it carries, and the format.
 */
export const DocumentQuery = z.object({
  lang: Locale.default('en'),
  date: IsoDate.optional(),
  format: z.enum(['docx', 'pdf']).default('docx'),
  /** The visit, enrolment, conference or appointment. */
  recordId: Id.optional(),
  /** A visit's member the letter is addressed to, or a conference's attendee. */
  memberId: Id.optional(),
  /** A nomination letter's partner and academic year. */
  institutionId: Id.optional(),
  academicYear: Year.optional(),
});
export type DocumentQuery = z.input<typeof DocumentQuery>;

import type { ImportKind, Labels } from './imports.ts';
import type { AttendeeRole } from './conferences.ts';

/** An attendee's role, as the conference page names it. */
export const ATTENDEE_ROLE_LABELS: Readonly<Record<AttendeeRole, Labels>> = {
  speaker: { en: 'Speaker', zh: '发言人', fr: 'Intervenant' },
  participant: { en: 'Participant', zh: '参会者', fr: 'Participant' },
  organizer: { en: 'Organizer', zh: '组织者', fr: 'Organisateur' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
};

/** The words offices write for a role besides its labels (keynote, 报告人, orateur …). */
const ATTENDEE_ROLE_ALIASES: Readonly<Record<AttendeeRole, readonly string[]>> = {
  speaker: ['presenter', 'keynote', 'keynote speaker', 'invited speaker', 'lecturer', 'orateur', 'conférencier', '报告人', '演讲者', '讲者', '特邀报告人', '主讲人'],
  participant: ['attendee', 'delegate', 'delegue', 'délégué', '参会人员', '代表', '与会者', '参会代表'],
  organizer: ['organiser', 'organizing committee', 'organisatrice', '主办方', '会务', '组委会'],
  other: [],
};

/** The most attendees one file adds (what the conference page's import always took). */
export const ATTENDEE_IMPORT_MAX_ROWS = 20_000;

/**
 * A conference's attendees (contract: AttendeeInput), one row each, added to ONE conference:
 * the one chosen for the file (the `conference` choice, an id: what the conference page sends),
 * else the one a row's Conference column names (by id or by its title in any language).
 */
export const ATTENDEE_IMPORT: ImportKind = {
  name: 'attendees',
  one: { en: 'conference attendee', zh: '参会人员', fr: 'participant à une conférence' },
  entity: 'conference',
  maxRows: ATTENDEE_IMPORT_MAX_ROWS,
  choices: ['conference'],
  guide: {
    en:
      'One row per attendee, added to the conference chosen for the file (from the conference page), else to the conference the Conference column names by number or title. ' +
      'The name is written in any script. A country or region is its ISO code or its name in English, Chinese or French; the institution is linked to one on file when its name (any script or alias) names exactly one. ' +
      'An attendee already on the conference (the same name however written, the same institution) is recognised: the row updates it; the same name at another institution is a possible duplicate. ' +
      'Role: speaker, participant (the default), organizer or other. At most 20,000 attendees per file.',
    zh:
      '每位参会人员一行，添加到为该文件选定的会议（从会议页面进入时），否则添加到“会议”列按编号或标题指明的会议。' +
      '姓名可用任何文字书写。国家或地区填写 ISO 代码或中文、英文、法文名称；单位名称（任何文字或别名）恰好对应系统中一个机构时予以关联。' +
      '会议中已有的参会人员（姓名的各种写法相同、单位相同）会被识别，该行将更新它；同名但单位不同的视为可能重复。' +
      '角色：发言人、参会者（默认）、组织者或其他。每个文件最多 20,000 人。',
    fr:
      'Une ligne par participant, ajoutée à la conférence choisie pour le fichier (depuis la page de la conférence), sinon à celle que la colonne Conférence désigne par numéro ou titre. ' +
      "Le nom s'écrit dans n'importe quelle écriture. Un pays ou une région est son code ISO ou son nom en anglais, chinois ou français ; l'établissement est lié à celui qui est enregistré quand son nom (toute écriture ou variante) en désigne un seul. " +
      "Un participant déjà inscrit à la conférence (même nom quelle que soit son écriture, même établissement) est reconnu : la ligne le met à jour ; le même nom dans un autre établissement est un doublon possible. " +
      'Rôle : intervenant, participant (par défaut), organisateur ou autre. 20 000 participants au plus par fichier.',
  },
  columns: [
    { field: 'fullName', label: { en: 'Name', zh: '姓名', fr: 'Nom' }, aliases: ['full name', 'attendee', 'participant', 'nom complet', '名字', '全名', '参会人', '参会人员'], value: { is: 'text' }, required: true },
    { field: 'institutionName', label: { en: 'Institution', zh: '单位', fr: 'Établissement' }, aliases: ['organization', 'organisation', 'affiliation', 'university', 'organisme', '机构', '工作单位', '所在单位', '所在机构', '院校'], value: { is: 'text' } },
    { field: 'countryCode', label: { en: 'Country or region', zh: '国家或地区', fr: 'Pays ou région' }, aliases: ['country', 'country/region', 'countries and regions', 'nationality', 'pays', 'nationalité', '国家', '国家/地区', '国家和地区', '国别', '国籍'], value: { is: 'country' } },
    { field: 'role', label: { en: 'Role', zh: '角色', fr: 'Rôle' }, aliases: ['type', '身份', '类别', '参会身份'], value: { is: 'choice', options: ATTENDEE_ROLE_LABELS, aliases: ATTENDEE_ROLE_ALIASES }, default: 'participant' },
    { field: 'conference', label: { en: 'Conference', zh: '会议', fr: 'Conférence' }, aliases: ['conference id', 'conference title', 'conférence', '会议名称', '会议编号'], value: { is: 'text' } },
  ],
};

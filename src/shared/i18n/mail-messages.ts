import type { Locale } from '../contracts/common.ts';

/** The name of each kind of record with a workflow, by its audit entity, as a message names it. */
export const KIND_NAMES: Readonly<Record<string, Record<Locale, string>>> = {
  agreement: { en: 'Agreement', zh: '合作协议', fr: 'Accord' },
  visit: { en: 'Visit', zh: '来访', fr: 'Visite' },
  mission: { en: 'Mission abroad', zh: '出访', fr: 'Mission à l’étranger' },
  conference: { en: 'Conference', zh: '国际会议', fr: 'Conférence' },
  appointment: { en: 'Appointment', zh: '聘任', fr: 'Nomination' },
  student: { en: 'Enrolment', zh: '留学生学籍', fr: 'Inscription' },
  exchange_application: { en: 'Exchange application', zh: '交流申请', fr: 'Candidature d’échange' },
  exchange_opportunity: { en: 'Exchange opportunity', zh: '交流项目', fr: 'Offre d’échange' },
  residency_placement: { en: 'Residency placement', zh: '住院医师实习安排', fr: 'Stage d’internat' },
};

/** The words of the message telling a user that a step was taken on a record they moved on. */
export const STEP_TAKEN_TEXT: Record<Locale, { subject(kind: string, ref: string, to: string): string; body(p: { name: string; kind: string; ref: string; actor: string; from: string; to: string; link: string | null }): string; footer: string }> = {
  en: {
    subject: (kind, ref, to) => `[Interchange] ${kind} ${ref}: ${to}`,
    body: (p) => `Dear ${p.name},\n\n${p.actor} moved ${p.kind} ${p.ref} from "${p.from}" to "${p.to}".\n\n${p.link ? `Open the record: ${p.link}` : 'Open it in Interchange.'}\n`,
    footer: 'You receive this because you moved this record on. You can switch these messages off on your account page.',
  },
  zh: {
    subject: (kind, ref, to) => `[Interchange] ${kind} ${ref}：${to}`,
    body: (p) => `${p.name}，您好：\n\n${p.actor} 已将${p.kind} ${p.ref} 由「${p.from}」改为「${p.to}」。\n\n${p.link ? `查看记录：${p.link}` : '请在 Interchange 中查看。'}\n`,
    footer: '您收到此邮件，是因为此前由您推进了这条记录。可在“我的账户”页面关闭此类邮件。',
  },
  fr: {
    subject: (kind, ref, to) => `[Interchange] ${kind} ${ref} : ${to}`,
    body: (p) => `Bonjour ${p.name},\n\n${p.actor} a fait passer ${p.kind} ${p.ref} de « ${p.from} » à « ${p.to} ».\n\n${p.link ? `Ouvrir le dossier : ${p.link}` : 'Ouvrez-le dans Interchange.'}\n`,
    footer: 'Vous recevez ce message parce que vous avez fait avancer ce dossier. Vous pouvez désactiver ces messages sur la page de votre compte.',
  },
};

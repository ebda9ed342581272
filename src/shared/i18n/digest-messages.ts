import type { Locale } from '../contracts/common.ts';
import type { TodoGroup, TodoStanding } from '../contracts/todo.ts';
import { RECORD_KINDS } from '../kinds/record-kinds.ts';

/** The words of the daily digest: the to-do page's own (groups, what is owed, kinds), and the message's. */
export const DIGEST_TEXT: Record<
  Locale,
  {
    subject(day: string, fresh: number, late: number): string;
    greeting(name: string): string;
    intro(day: string): string;
    group: Record<TodoGroup, string>;
    standing: Record<Exclude<TodoStanding, 'waiting' | 'coming'> | 'new', string>;
    owed: Record<string, string>;
    kind: Record<string, string>;
    due(date: string): string;
    open: string;
    footer: string;
  }
> = {
  en: {
    subject: (day, fresh, late) => `[Interchange] Your to-do list on ${day}: ${fresh} new, ${late} late`,
    greeting: (name) => `Dear ${name},`,
    intro: (day) => `Here is what is new on your to-do list since your last digest, and what is late, on ${day}.`,
    group: { approvals: 'Decisions waiting', reports: 'Reports owed', renewals: 'Renewals and expiries' },
    standing: { late: 'Late', new: 'New' },
    owed: { decision: 'Decide on the request', report: 'File the report', summary: 'File the summary', renewal: 'Renew or let end', documentExpiry: 'Renew the expert’s document', completion: 'Graduate the student or extend the enrolment', allocation: 'Allocate the places' },
    kind: { agreements: 'Agreement', visits: 'Visit', missions: 'Mission abroad', conferences: 'Conference', appointments: 'Appointment', students: 'Student', 'exchange-opportunities': 'Exchange opportunity' },
    due: (date) => `due ${date}`,
    open: 'Open',
    footer: 'You receive this daily digest of your to-do list. You can switch it off on your account page.',
  },
  zh: {
    subject: (day, fresh, late) => `[Interchange] ${day} 待办摘要：新增 ${fresh} 项，逾期 ${late} 项`,
    greeting: (name) => `${name}，您好：`,
    intro: (day) => `以下是截至 ${day} 自上次摘要以来新增的待办事项，以及已逾期的事项。`,
    group: { approvals: '待审批', reports: '待提交报告', renewals: '续签与到期' },
    standing: { late: '已逾期', new: '新增' },
    owed: { decision: '审批申请', report: '提交总结报告', summary: '提交会议总结', renewal: '续签或到期终止', documentExpiry: '办理专家证件续期', completion: '办理毕业或延长学籍', allocation: '分配交流名额' },
    kind: { agreements: '合作协议', visits: '来访', missions: '出访团组', conferences: '国际会议', appointments: '聘任', students: '留学生', 'exchange-opportunities': '交流项目' },
    due: (date) => `${date} 到期`,
    open: '查看',
    footer: '这是您的每日待办摘要。可在“我的账户”页面关闭此类邮件。',
  },
  fr: {
    subject: (day, fresh, late) => `[Interchange] Vos tâches du ${day} : ${fresh} nouvelle(s), ${late} en retard`,
    greeting: (name) => `Bonjour ${name},`,
    intro: (day) => `Voici ce qui est apparu dans votre liste de tâches depuis votre dernier résumé, et ce qui est en retard, au ${day}.`,
    group: { approvals: 'Décisions en attente', reports: 'Rapports dus', renewals: 'Renouvellements et échéances' },
    standing: { late: 'En retard', new: 'Nouveau' },
    owed: { decision: 'Statuer sur la demande', report: 'Déposer le rapport', summary: 'Déposer le compte rendu', renewal: 'Renouveler ou laisser échoir', documentExpiry: 'Renouveler le document de l’expert', completion: 'Diplômer l’étudiant ou prolonger l’inscription', allocation: 'Attribuer les places' },
    kind: { agreements: 'Accord', visits: 'Visite', missions: 'Mission à l’étranger', conferences: 'Conférence', appointments: 'Nomination', students: 'Étudiant', 'exchange-opportunities': 'Offre d’échange' },
    due: (date) => `échéance le ${date}`,
    open: 'Ouvrir',
    footer: 'Vous recevez ce résumé quotidien de vos tâches. Vous pouvez le désactiver sur la page de votre compte.',
  },
};

/** A to-do kind's name in `locale`: a kind described by its fields names itself, as on the to-do page. */
export function digestKindName(kind: string, locale: Locale): string {
  const described = RECORD_KINDS.find((k) => k.path === kind);
  return described ? described.name.one[locale] : (DIGEST_TEXT[locale].kind[kind] ?? kind);
}

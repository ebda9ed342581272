import type { Locale } from '../contracts/common.ts';

/**
 * The words of a user's calendar feed, in the user's language: the calendar's name, what each
 * event is, and what a to-do deadline asks for (the same words as the web app's to-do list).
 */
export const CALENDAR_TEXT: Record<
  Locale,
  {
    calendarName(displayName: string): string;
    visit: string;
    mission: string;
    /** "<what>: <title>" with the language's colon. */
    titled(what: string, title: string): string;
    status: string;
    owed: Readonly<Record<string, string>>;
    due: string;
  }
> = {
  en: {
    calendarName: (name) => `Interchange — ${name}`,
    visit: 'Visit',
    mission: 'Mission abroad',
    titled: (what, title) => `${what}: ${title}`,
    status: 'Status',
    owed: { report: 'File the report', summary: 'File the summary', renewal: 'Renew or let end', documentExpiry: 'Renew the expert’s document', completion: 'Graduate the student or extend the enrolment', allocation: 'Allocate the places' },
    due: 'Due',
  },
  zh: {
    calendarName: (name) => `Interchange — ${name}`,
    visit: '来访',
    mission: '出访',
    titled: (what, title) => `${what}：${title}`,
    status: '状态',
    owed: { report: '提交总结报告', summary: '提交会议总结', renewal: '续签或到期终止', documentExpiry: '办理专家证件续期', completion: '办理毕业或延长学籍', allocation: '分配交流名额' },
    due: '到期',
  },
  fr: {
    calendarName: (name) => `Interchange — ${name}`,
    visit: 'Visite',
    mission: 'Mission à l’étranger',
    titled: (what, title) => `${what} : ${title}`,
    status: 'État',
    owed: { report: 'Déposer le rapport', summary: 'Déposer le compte rendu', renewal: 'Renouveler ou laisser échoir', documentExpiry: 'Renouveler le document de l’expert', completion: 'Diplômer l’étudiant ou prolonger l’inscription', allocation: 'Attribuer les places' },
    due: 'Échéance',
  },
};

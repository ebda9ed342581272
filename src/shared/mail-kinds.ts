import type { Locale } from './contracts/common.ts';

/**
 * The kinds of message Interchange sends, each one a user can switch off: a step taken on a
 * record they moved on, and the daily digest of their to-do list.
 */
export const MAIL_KINDS = ['step_taken', 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Each kind's name and what it is, as the account page shows them. */
export const MAIL_KIND_LABELS: Record<MailKind, Record<Locale, { name: string; description: string }>> = {
  step_taken: {
    en: { name: 'Steps taken on my requests', description: 'When a record you moved on (submitted, requested) is approved, rejected or moved on by someone else.' },
    zh: { name: '我的申请有了处理', description: '您提交或申请的记录被他人批准、驳回或推进下一步时通知您。' },
    fr: { name: 'Suites données à mes demandes', description: 'Quand un dossier que vous avez fait avancer (soumis, demandé) est approuvé, refusé ou avancé par quelqu’un d’autre.' },
  },
  digest: {
    en: { name: 'Daily digest of my to-do list', description: 'Once a day, the items new on your to-do list since the last digest and those that are late, each with its link.' },
    zh: { name: '每日待办摘要', description: '每天一次，汇总自上次摘要以来新增的待办事项和已逾期的事项，并附记录链接。' },
    fr: { name: 'Résumé quotidien de mes tâches', description: 'Une fois par jour, les tâches apparues depuis le dernier résumé et celles en retard, chacune avec son lien.' },
  },
};

import type { Locale } from './contracts/common.ts';

/**
 * The kinds of message Interchange sends, each one a user can switch off. The daily digest
 * will be one more entry here (and its job type in the server's JOB_TYPES).
 */
export const MAIL_KINDS = ['step_taken'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Each kind's name and what it is, as the account page shows them. */
export const MAIL_KIND_LABELS: Record<MailKind, Record<Locale, { name: string; description: string }>> = {
  step_taken: {
    en: { name: 'Steps taken on my requests', description: 'When a record you moved on (submitted, requested) is approved, rejected or moved on by someone else.' },
    zh: { name: '我的申请有了处理', description: '您提交或申请的记录被他人批准、驳回或推进下一步时通知您。' },
    fr: { name: 'Suites données à mes demandes', description: 'Quand un dossier que vous avez fait avancer (soumis, demandé) est approuvé, refusé ou avancé par quelqu’un d’autre.' },
  },
};

import type { Locale } from '../../shared/contracts/common.ts';
import { TODO_GROUPS, type TodoItem } from '../../shared/contracts/todo.ts';
import { DIGEST_TEXT, digestKindName } from '../../shared/i18n/digest-messages.ts';

/** An item's identity across days: its record, what it owes, and the part that owes it. */
export function digestItemKey(item: Pick<TodoItem, 'kind' | 'id' | 'owed' | 'partId'>): string {
  return `${item.kind}:${item.id}:${item.owed}:${item.partId ?? ''}`;
}

/** A digest's message: its subject and text, and how many of its items are new and late. */
export interface DigestMessage {
  subject: string;
  text: string;
  fresh: number;
  late: number;
}

/**
 * The digest of one to-do list: its items that are late, or new since the previous digest's
 * keys, grouped as the to-do page groups them, each with its kind, title, what is owed, its due
 * day and an absolute link to its record. Only what the list holds (kinds, titles, dates) goes
 * in: the list is already limited to what the recipient may see. Null when nothing is new or late.
 */
export function composeDigest(options: { items: readonly TodoItem[]; previous: ReadonlySet<string>; locale: Locale; name: string; day: string; baseUrl: string }): DigestMessage | null {
  const { locale, day } = options;
  const w = DIGEST_TEXT[locale];
  const listed = options.items.filter((i) => i.standing === 'late' || !options.previous.has(digestItemKey(i)));
  if (!listed.length) return null;
  const base = options.baseUrl.replace(/\/+$/, '');
  const lines: string[] = [w.greeting(options.name), '', w.intro(day)];
  for (const group of TODO_GROUPS) {
    const inGroup = listed.filter((i) => i.group === group);
    if (!inGroup.length) continue;
    lines.push('', `== ${w.group[group]} (${inGroup.length}) ==`);
    for (const i of inGroup) {
      const title = (locale === 'zh' ? i.titleZh : null) || i.titleEn;
      const tag = i.standing === 'late' ? w.standing.late : w.standing.new;
      const due = i.dueOn ? ` · ${w.due(i.dueOn)}` : '';
      lines.push(`- [${tag}] ${digestKindName(i.kind, locale)} #${i.id} «${title}» · ${w.owed[i.owed] ?? i.owed}${due}`, `  ${w.open}: ${base}${i.link}`);
    }
  }
  const fresh = listed.filter((i) => !options.previous.has(digestItemKey(i))).length;
  const late = listed.filter((i) => i.standing === 'late').length;
  return { subject: w.subject(day, fresh, late), text: `${lines.join('\n')}\n\n-- \n${w.footer}\n`, fresh, late };
}

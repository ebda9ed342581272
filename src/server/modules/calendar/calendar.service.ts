import type { Db } from '../../db/client.ts';
import { DomainError } from '../../core/errors.ts';
import { requestContext, type RequestContext } from '../../core/request-context.ts';
import { can } from '../../policies/policies.ts';
import { addMonths } from '../../../shared/calendar.ts';
import { CALENDAR_SECRET_PATTERN, calendarFeedPath, type CalendarFeedCreated, type CalendarFeedState } from '../../../shared/contracts/calendar.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { CALENDAR_TEXT } from '../../../shared/i18n/calendar-messages.ts';
import { KIND_NAMES } from '../../../shared/i18n/mail-messages.ts';
import { KINDS } from '../../../shared/kinds/kinds.ts';
import { RECORD_KINDS } from '../../../shared/kinds/record-kinds.ts';
import { enabledActorOf } from '../users/users.service.ts';
import { todoFor } from '../todo/todo.service.ts';
import { findFeedOfUser, findFeedOwner, markFeedRead, newFeedSecret, replaceFeedSecret } from './calendar-feeds.repo.ts';
import { movementsInWindow, type MovementEventRow } from './calendar-events.repo.ts';
import { feedText, type FeedEvent } from './calendar-ics.ts';

/** What a feed holds: from a year back to two years ahead, and at most this many visits and as many missions (the latest first). */
export const FEED_WINDOW = { monthsBack: 12, monthsAhead: 24, maxPerKind: 1000 } as const;

/** The caller's feed: whether they have one, since when, and when a calendar last read it (never its URL: only its digest is kept). */
export async function getCalendarFeed(ctx: RequestContext): Promise<CalendarFeedState> {
  const row = await findFeedOfUser(ctx.db, ctx.actor.userId);
  return { exists: row !== null, createdAt: row?.createdAt ?? null, lastUsedAt: row?.lastUsedAt ?? null };
}

/**
 * Makes the caller a new feed URL, replacing the one they had (which stops working at once),
 * audited. The URL is answered once and not kept. Only from a signed-in session: an API token
 * would mint a credential that outlives its own revocation, as it may not mint tokens.
 */
export async function rotateCalendarFeed(ctx: RequestContext, options: { publicUrl: string | null }): Promise<CalendarFeedCreated> {
  if (ctx.actor.via !== 'session') throw new DomainError('token_cannot_mint', 'forbidden');
  const secret = newFeedSecret();
  return ctx.transaction(async (tx) => {
    const before = await findFeedOfUser(tx, tx.actor.userId, true);
    const row = await replaceFeedSecret(tx, tx.actor.userId, secret);
    await tx.audit({ action: before ? 'update' : 'create', entity: 'calendar_feed', entityId: tx.actor.userId, before: before ? { createdAt: before.createdAt } : null, after: { createdAt: row.createdAt } });
    const path = calendarFeedPath(secret);
    return { createdAt: row.createdAt, path, url: options.publicUrl ? `${options.publicUrl}${path}` : null };
  });
}

/** A record's title in the reader's language: the Chinese one for a Chinese reader when there is one. */
const titleIn = (row: { titleEn: string; titleZh: string | null }, locale: Locale) => (locale === 'zh' && row.titleZh ? row.titleZh : row.titleEn);

/** A kind's name for a reader, by its name in KINDS (`missions`, `hospital-memoranda`). */
function kindName(kind: string, locale: Locale): string {
  const audit = KINDS[kind]?.audit;
  return (audit && KIND_NAMES[audit]?.[locale]) ?? RECORD_KINDS.find((k) => k.path === kind)?.name.one[locale] ?? kind;
}

/** The events of the visits or missions within the reader's reach, each linking to its record. */
function movementEvents(kind: 'visits' | 'missions', rows: MovementEventRow[], p: { locale: Locale; origin: string; host: string }): FeedEvent[] {
  const text = CALENDAR_TEXT[p.locale];
  const labels = KINDS[kind]!.statusLabels as Record<string, Record<Locale, string>>;
  const one = kind === 'visits' ? 'visit' : 'mission';
  return rows.map((r) => {
    const url = `${p.origin}/${kind}/${r.id}`;
    return {
      uid: `${one}-${r.id}@${p.host}`,
      start: r.startDate,
      lastDay: r.endDate,
      summary: text.titled(text[one], titleIn(r, p.locale)),
      description: `${text.titled(text.status, labels[r.status]?.[p.locale] ?? r.status)}\n${url}`,
      url,
      lastModified: r.updatedAt,
    };
  });
}

/**
 * The iCalendar text of the feed whose secret is `secret`, as its owner may read it today: the
 * visits their units host and the missions their units send (a coordinator's unit and its
 * sub-units, every unit for the office's roles: the owner's own request context) in the window,
 * and the deadlines of their to-do list as all-day events, in their language, each with the
 * absolute link to its record. Null — answered 404 — for a secret that is no feed's, a replaced
 * one, or a disabled owner's. Nothing personal beyond the titles the owner already reads.
 */
export async function calendarFeedText(db: Db, options: { secret: string; origin: string; today: string; now?: Date }): Promise<string | null> {
  if (!CALENDAR_SECRET_PATTERN.test(options.secret)) return null;
  const userId = await findFeedOwner(db, options.secret);
  const actor = userId === null ? null : await enabledActorOf(db, userId);
  if (!actor) return null;
  const ctx = requestContext(actor, db);
  const locale = actor.locale;
  const text = CALENDAR_TEXT[locale];
  const host = new URL(options.origin).hostname;
  const window = { from: addMonths(options.today, -FEED_WINDOW.monthsBack), to: addMonths(options.today, FEED_WINDOW.monthsAhead), limit: FEED_WINDOW.maxPerKind };
  const p = { locale, origin: options.origin, host };
  const events: FeedEvent[] = [];
  for (const kind of ['visits', 'missions'] as const)
    if (can(actor, KINDS[kind]!.policy, 'read')) events.push(...movementEvents(kind, await movementsInWindow(ctx, kind, window), p));
  const todo = await todoFor(ctx, options.today);
  for (const item of todo.items) {
    if (!item.dueOn) continue; // a decision waiting has no day
    const url = `${options.origin}${item.link}`;
    const title = titleIn(item, locale);
    events.push({
      uid: `todo-${item.kind}-${item.id}-${item.owed}${item.partId === null ? '' : `-${item.partId}`}@${host}`,
      start: item.dueOn,
      lastDay: item.dueOn,
      summary: text.titled(text.owed[item.owed] ?? item.owed, title),
      description: `${text.titled(kindName(item.kind, locale), title)}\n${text.titled(text.due, item.dueOn)}\n${url}`,
      url,
      lastModified: null,
    });
  }
  await markFeedRead(db, actor.userId);
  return feedText({ name: text.calendarName(actor.displayName), events, ...(options.now ? { now: options.now } : {}) });
}

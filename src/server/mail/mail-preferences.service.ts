import type { RequestContext } from '../core/request-context.ts';
import { MAIL_KINDS } from '../../shared/mail-kinds.ts';
import type { MailPreferences } from '../../shared/contracts/jobs.ts';
import { optedOutKinds, setOptOut } from './outbox.repo.ts';
import type { Queryable } from '../db/client.ts';

async function preferencesOf(q: Queryable, userId: number): Promise<MailPreferences> {
  const off = new Set(await optedOutKinds(q, userId));
  return Object.fromEntries(MAIL_KINDS.map((k) => [k, !off.has(k)])) as MailPreferences;
}

/** The signed-in user's choice of messages: every kind, on unless switched off. */
export async function getMailPreferences(ctx: RequestContext): Promise<MailPreferences> {
  return preferencesOf(ctx.db, ctx.actor.userId);
}

/** Switches kinds of message on or off for the signed-in user, audited under their account. */
export async function updateMailPreferences(ctx: RequestContext, changes: Partial<MailPreferences>): Promise<MailPreferences> {
  return ctx.transaction(async (tx) => {
    const before = await preferencesOf(tx, tx.actor.userId);
    for (const kind of MAIL_KINDS) if (changes[kind] !== undefined) await setOptOut(tx, tx.actor.userId, kind, !changes[kind]);
    const after = await preferencesOf(tx, tx.actor.userId);
    if (MAIL_KINDS.some((k) => before[k] !== after[k])) await tx.audit({ action: 'update', entity: 'user', entityId: tx.actor.userId, before: { mail: before }, after: { mail: after } });
    return after;
  });
}

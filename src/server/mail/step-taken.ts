import type { Queryable } from '../db/client.ts';
import type { TxContext } from '../core/request-context.ts';
import type { KindDescription } from '../../shared/kinds/kind.ts';
import { KINDS } from '../../shared/kinds/kinds.ts';
import { roleMay } from '../../shared/policies.ts';
import type { Locale } from '../../shared/contracts/common.ts';
import type { Role } from '../../shared/roles.ts';
import { KIND_NAMES, STEP_TAKEN_TEXT } from '../../shared/i18n/mail-messages.ts';
import { defineJobType } from '../jobs/job-type.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { enqueueMessage } from './outbox.ts';

/** What the job needs to tell of one step: the record, the step, who took it and whom to tell. */
interface StepTaken {
  entity: string;
  recordId: number;
  from: string;
  to: string;
  /** The record's version before the step: with the record, it names the step once and for all. */
  version: number;
  actorId: number;
  recipientId: number;
}

/**
 * The user who moved the record into the state it leaves now (the one who submitted,
 * requested, proposed it): the person who asked for the step being taken. Read from the audit
 * log, so it holds for every kind alike. Null when the system did it, or nobody is on record.
 */
async function requesterOf(q: Queryable, entity: string, id: number, state: string): Promise<number | null> {
  const r = await q.query<{ actorId: number | null }>(
    `SELECT actor_id AS "actorId" FROM audit_log
      WHERE entity = $1 AND entity_id = $2 AND action IN ('create', 'update')
        AND after->>'status' = $3 AND (before IS NULL OR before->>'status' IS DISTINCT FROM $3)
      ORDER BY id DESC LIMIT 1`,
    [entity, String(id), state],
  );
  return r.rows[0]?.actorId ?? null;
}

/**
 * Called by the one workflow runner for every step of every kind, in the step's transaction:
 * when someone other than the step's taker had moved the record into the state it leaves, a
 * job is queued to tell them (in their language, once). The message itself is written by the
 * job, outside the request.
 */
export async function noteStepTaken(tx: TxContext, kind: KindDescription, step: { id: number; from: string; to: string; version: number }): Promise<void> {
  if (!tx.actor.userId) return;
  const recipientId = await requesterOf(tx, kind.audit, step.id, step.from);
  if (recipientId === null || recipientId === tx.actor.userId) return;
  await enqueueJob(tx, STEP_TAKEN_JOB, { entity: kind.audit, recordId: step.id, from: step.from, to: step.to, version: step.version, actorId: tx.actor.userId, recipientId });
}

/** The web page of a record, by its audit entity (null: no page of its own). */
function recordPath(kind: KindDescription, entity: string, id: number): string | null {
  const pages: Record<string, string> = {
    agreement: '/agreements/',
    visit: '/visits/',
    mission: '/missions/',
    conference: '/conferences/',
    appointment: '/experts/appointments/',
    student: '/students/',
    exchange_application: '/exchanges/applications/',
  };
  if (pages[entity]) return `${pages[entity]}${id}`;
  if ('path' in kind && typeof kind.path === 'string') return `/${kind.path}/${id}`;
  return null;
}

/** The record's name in `locale`, from what the audit log kept of it after the step: its title fields only. */
function titleOf(after: Record<string, unknown> | null, locale: Locale): string | null {
  if (!after) return null;
  const suffix = locale.charAt(0).toUpperCase() + locale.slice(1);
  for (const key of [`title${suffix}`, 'titleEn', 'title', `name${suffix}`, 'nameEn']) {
    const v = after[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

/** The kind's description by its audit entity. */
function kindOf(entity: string): KindDescription | undefined {
  return Object.values(KINDS).find((k) => k.audit === entity);
}

/** The kind's name in `locale`: a small kind's own, the others' from the messages. */
function kindName(kind: KindDescription, entity: string, locale: Locale): string {
  if ('name' in kind) return (kind as unknown as { name: { one: Record<Locale, string> } }).name.one[locale];
  return KIND_NAMES[entity]?.[locale] ?? entity;
}

/**
 * Writes the message of a step taken into the outbox, in the recipient's language, with an
 * absolute link to the record (INTERCHANGE_PUBLIC_URL) and nothing of the record but its kind,
 * number, title and states: never a person's data. A recipient who may no longer read the kind,
 * or is disabled, gets nothing.
 */
export const STEP_TAKEN_JOB = defineJobType<StepTaken>({
  name: 'step-taken-message',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  async run(deps, job) {
    const s = job.data;
    const kind = kindOf(s.entity);
    if (!kind) return;
    const users = await deps.db.query<{ id: number; email: string; displayName: string; locale: Locale; role: Role; disabled: boolean }>(
      `SELECT id, email, display_name AS "displayName", locale, role, disabled FROM users WHERE id = ANY($1::bigint[])`,
      [[s.recipientId, s.actorId]],
    );
    const recipient = users.rows.find((u) => u.id === s.recipientId);
    const actor = users.rows.find((u) => u.id === s.actorId);
    if (!recipient || recipient.disabled || !roleMay(recipient.role, kind.policy, 'read')) return;
    const after = (
      await deps.db.query<{ after: Record<string, unknown> | null }>(
        `SELECT after FROM audit_log WHERE entity = $1 AND entity_id = $2 AND action = 'update' AND after->>'status' = $3 ORDER BY id DESC LIMIT 1`,
        [s.entity, String(s.recordId), s.to],
      )
    ).rows[0]?.after ?? null;
    const locale = recipient.locale;
    const text = STEP_TAKEN_TEXT[locale];
    const title = titleOf(after, locale);
    const ref = `#${s.recordId}${title ? ` «${title}»` : ''}`;
    const name = kindName(kind, s.entity, locale);
    const labels = kind.statusLabels as Record<string, Record<Locale, string>>;
    const to = labels[s.to]?.[locale] ?? s.to;
    const path = recordPath(kind, s.entity, s.recordId);
    const link = path && deps.publicUrl ? `${deps.publicUrl}${path}` : null;
    await deps.db.transaction((tx) =>
      enqueueMessage(tx, {
        idempotencyKey: `step_taken:${s.entity}:${s.recordId}:${s.version}:${s.to}:${recipient.id}`,
        kind: 'step_taken',
        userId: recipient.id,
        recipient: recipient.email,
        locale,
        subject: text.subject(name, ref, to),
        bodyText: `${text.body({ name: recipient.displayName, kind: name, ref, actor: actor?.displayName ?? '—', from: labels[s.from]?.[locale] ?? s.from, to, link })}\n-- \n${text.footer}\n`,
      }),
    );
  },
});

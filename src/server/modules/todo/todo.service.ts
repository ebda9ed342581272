import type { Scoped } from '../../core/request-context.ts';
import type { Actor } from '../../policies/actor.ts';
import type { LateByUnit, TodoItem, TodoList } from '../../../shared/contracts/todo.ts';
import { deadlineRules, todoGroupOf } from '../../../shared/kinds/deadline-rules.ts';
import { KINDS } from '../../../shared/kinds/kinds.ts';
import { decisionStates, owesDeadlines } from '../../../shared/kinds/todo-rules.ts';
import { lateCounts, todoRows, type TodoPart } from './todo.repo.ts';
import { TODO_SOURCES } from './todo-sources.ts';
import { waitingImportDrafts } from '../imports/import-drafts.service.ts';

/** Every deadline part of the kinds the to-do list reads (the lead times are read by the query). */
function deadlineParts(kinds: (kind: string) => boolean): TodoPart[] {
  return deadlineRules()
    .filter((rule) => TODO_SOURCES[rule.kind] && kinds(rule.kind))
    .map((rule) => ({ group: todoGroupOf(rule), kind: rule.kind, rule }));
}

/** What waits on `actor`, by the descriptions: the decisions their role takes, then what falls due on records they may update. */
function partsFor(actor: Pick<Actor, 'role'>): TodoPart[] {
  const approvals: TodoPart[] = Object.keys(TODO_SOURCES).flatMap((kind) => {
    const states = decisionStates(KINDS[kind]!, actor.role);
    return states.length ? [{ group: 'approvals' as const, kind, states }] : [];
  });
  return [...approvals, ...deadlineParts((kind) => owesDeadlines(KINDS[kind]!, actor.role))];
}

/**
 * The to-do list of the caller on `today`: decisions waiting on their role, reports owed and
 * renewals or expiries coming on the records within their reach (a coordinator's unit), each
 * late or coming. A query, not a stored list: an item is gone as soon as its record has left
 * the state that owes it. Independent of HTTP, for the daily digest too; `today` is the caller's
 * (the office's day), never read here.
 */
export async function todoFor(ctx: Scoped & { actor: Pick<Actor, 'role'> & Partial<Pick<Actor, 'userId'>> }, today: string, options: { imports?: boolean } = {}): Promise<TodoList> {
  const rows = await todoRows(ctx, partsFor(ctx.actor), today);
  const items: TodoItem[] = rows.map((r) => ({
    ...r,
    id: Number(r.id),
    unitId: r.unitId === null ? null : Number(r.unitId),
    partId: r.partId === null ? null : Number(r.partId),
    labelKey: `todo.owed.${r.owed}`,
    standing: r.dueOn === null ? 'waiting' : r.late ? 'late' : 'coming',
    link: `${TODO_SOURCES[r.kind]!.path}/${r.id}`,
  }));
  if (options.imports && ctx.actor.userId) items.unshift(...(await importItems(ctx, ctx.actor.userId)));
  return { today, items };
}

/**
 * The user's own imports waiting for a decision (uploaded and previewed, neither committed nor
 * discarded), each linking to the import page that reopens it; due on the day it expires.
 */
async function importItems(db: Scoped, userId: number): Promise<TodoItem[]> {
  return (await waitingImportDrafts(db, userId)).map((d) => ({
    group: 'approvals',
    kind: 'imports',
    id: d.id,
    titleEn: d.fileName,
    titleZh: d.fileName,
    owed: 'importDecision',
    partId: null,
    labelKey: 'todo.owed.importDecision',
    dueOn: d.expiresOn,
    standing: 'waiting',
    unitId: null,
    link: `/imports?draft=${d.id}`,
    importKind: d.kind,
  }));
}

/** How many reports and renewals are late on `today` in each unit within the caller's reach, by kind: the leaders' read-only summary. */
export async function lateByUnit(ctx: Scoped, today: string): Promise<LateByUnit> {
  const rows = await lateCounts(ctx, deadlineParts(() => true), today);
  const units = new Map<string, LateByUnit['units'][number]>();
  for (const r of rows) {
    const key = String(r.unitId);
    const unit = units.get(key) ?? { unitId: r.unitId === null ? null : Number(r.unitId), code: r.code, nameEn: r.nameEn, nameZh: r.nameZh, nameFr: r.nameFr, late: 0, byKind: {} };
    unit.late += r.late;
    unit.byKind[r.kind] = r.late;
    units.set(key, unit);
  }
  return { today, units: [...units.values()] };
}

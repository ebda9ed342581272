import type { Db, Queryable } from '../db/client.ts';
import { SYSTEM_ACTOR, type Actor } from '../policies/actor.ts';
import { recordAudit, type AuditRecord } from '../audit/record-audit.ts';
import type { Locale } from '../../shared/contracts/common.ts';

/** The units a caller reaches: a coordinator's unit (with its sub-units), or null for every unit. */
export type UnitScope = number | null;

/**
 * SQL run with the reach of whoever asked. A repository that reads or writes a unit's records
 * takes this rather than a bare Queryable with a scope beside it, so the scope travels with the
 * connection and cannot be left out at a call site.
 */
export interface Scoped extends Queryable {
  readonly scope: UnitScope;
}

/** One transaction of a request: its SQL with the caller's reach, who the caller is, and the audit writer. */
export interface TxContext extends Scoped {
  readonly actor: Actor;
  readonly locale: Locale;
  /** Writes one audit row, by this actor, in this transaction: the change and its row commit or fail together. */
  audit(record: Omit<AuditRecord, 'actor'>): Promise<void>;
}

/** What a request's work needs, built once per request (`http/auth.ts`), by a command or by the demo. */
export interface RequestContext extends Scoped {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly db: Db;
  /** Runs `work` in one transaction that carries this context's actor, reach and audit writer. */
  transaction<T>(work: (tx: TxContext) => Promise<T>): Promise<T>;
}

/** The reach of a role: a coordinator is confined to their unit; every other role reaches every unit. */
function scopeOf(actor: Actor): UnitScope {
  return actor.role === 'coordinator' ? actor.unitId : null;
}

/** Binds `q`'s query to `q`, with `scope`: the shape every repository reads through. */
function withScope(q: Queryable, scope: UnitScope): Scoped {
  return { scope, query: (text, params) => q.query(text, params) };
}

/**
 * The context of `actor`'s work on `db`, answering in `locale` (default: the actor's). The one
 * place where a caller's unit scope is worked out (a rule test holds that).
 */
export function requestContext(actor: Actor, db: Db, locale: Locale = actor.locale): RequestContext {
  const scope = scopeOf(actor);
  return {
    ...withScope(db, scope),
    actor,
    locale,
    db,
    transaction: (work) =>
      db.transaction((client) =>
        work({
          ...withScope(client, scope),
          actor,
          locale,
          audit: (record) => recordAudit(client, { ...record, actor }),
        }),
      ),
  };
}

/** The context of what the system does itself (the demo, a command, a scheduled sweep): every unit. */
export function systemContext(db: Db): RequestContext {
  return requestContext(SYSTEM_ACTOR, db);
}

/**
 * `q` without a unit limit, for what every caller may check whatever their reach (that a unit
 * or a country exists, who is already on a record) and for the system's own sweeps. Each use
 * is visible by this name.
 */
export function unscoped(q: Queryable): Scoped {
  return withScope(q, null);
}

import { declareRoutes, get, policy } from '../core/routes.ts';
import { AuditQuery, type AuditEntry } from '../../shared/contracts/audit.ts';
import { isoTimestamp, selectList } from '../db/columns.ts';
import { selectPage, Where } from '../db/where.ts';
import { readableAuditEntities } from './audit-entities.ts';
import { auditNames } from './audit-names.ts';

const COLUMNS = selectList({
  id: 'id',
  at: isoTimestamp('at'),
  actorId: 'actor_id',
  actorLabel: 'actor_label',
  action: 'action',
  entity: 'entity',
  entityId: 'entity_id',
  unitId: 'unit_id',
  before: 'before',
  after: 'after',
});

/**
 * GET /api/audit: the history of records; a coordinator sees their unit's entries only, and
 * each caller only the entries about kinds of records they may read (user accounts: the
 * administrator's); with the names of the institutions, units and people the entries refer to by id.
 */
export const auditRoutes = declareRoutes('audit', [
  get('/api/audit', { summary: 'List the history of records', ...policy('audit', 'read'), query: AuditQuery }, async ({ ctx, query: q }) => {
    const readable = readableAuditEntities(ctx.actor.role);
    const where = new Where()
      .when(q.entity, 'entity = ?')
      .when(q.entityId, 'entity_id = ?')
      .when(readable, 'entity = ANY(?::text[])')
      .scope('unit_id', ctx.scope);
    const order = q.order === 'asc' ? 'ASC' : 'DESC';
    const { rows, total } = await selectPage<AuditEntry>(ctx, { select: COLUMNS, from: 'audit_log', where, orderBy: `id ${order}`, page: q.page, pageSize: q.pageSize });
    const names = await auditNames(ctx, rows.flatMap((r) => [r.before, r.after]));
    return { items: rows, total, page: q.page, pageSize: q.pageSize, names };
  }),
]);

import { declareRoutes, get, policy } from '../core/routes.ts';
import { AuditPage, AuditQuery, type AuditEntry } from '../../shared/contracts/audit.ts';
import { isoTimestamp, selectList } from '../db/columns.ts';
import { selectPage, Where } from '../db/where.ts';
import { readableAuditEntities } from './audit-entities.ts';
import { auditNames } from './audit-names.ts';
import { idsMergedInto } from '../db/record-merges.ts';
import { IMPORT_KINDS, type ImportKindName } from '../../shared/contracts/imports.ts';

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
  import: `(SELECT json_build_object('id', i.id, 'fileName', i.file_name, 'kind', i.kind) FROM imports i WHERE i.id = audit_log.import_id)`,
});

type AuditRow = Omit<AuditEntry, 'import'> & { import: { id: number; fileName: string; kind: string } | null };

/** The import that wrote an entry, with the audit entity of the import itself (`visit_import` …), where its history is. */
function importOf(row: AuditRow['import']): AuditEntry['import'] {
  if (!row) return null;
  const kind = IMPORT_KINDS[row.kind as ImportKindName];
  return { id: Number(row.id), fileName: row.fileName, entity: `${kind ? kind.entity : row.kind}_import` };
}

/**
 * GET /api/audit: the history of records; a coordinator sees their unit's entries only, and
 * each caller only the entries about kinds of records they may read (user accounts: the
 * administrator's); with the names of the institutions, units and people the entries refer to by id.
 * An institution's or a person's history includes the entries of the records merged into it.
 */
export const auditRoutes = declareRoutes('audit', [
  get('/api/audit', { summary: 'List the history of records', ...policy('audit', 'read'), query: AuditQuery, response: { 200: AuditPage } }, async ({ ctx, query: q }) => {
    const readable = readableAuditEntities(ctx.actor.role);
    // A record's history includes the records merged into it: what they were is part of its story.
    const ids = q.entityId === undefined ? undefined : [String(q.entityId), ...(q.entity && /^\d{1,15}$/.test(String(q.entityId)) ? (await idsMergedInto(ctx, q.entity, Number(q.entityId))).map(String) : [])];
    const where = new Where()
      .when(q.entity, 'entity = ?')
      .when(ids, 'entity_id = ANY(?::text[])')
      .when(readable, 'entity = ANY(?::text[])')
      .scope('unit_id', ctx.scope);
    const order = q.order === 'asc' ? 'ASC' : 'DESC';
    const { rows, total } = await selectPage<AuditRow>(ctx, { select: COLUMNS, from: 'audit_log', where, orderBy: `id ${order}`, page: q.page, pageSize: q.pageSize });
    const names = await auditNames(ctx, rows.flatMap((r) => [r.before, r.after]));
    return { items: rows.map((r) => ({ ...r, import: importOf(r.import) })), total, page: q.page, pageSize: q.pageSize, names };
  }),
]);

import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../../shared/contracts/imports.ts';
import { AUDIT_ENTITIES, validateAuditSearch } from './audit-search.ts';

describe('the audit log’s URL', () => {
  it('keeps a record type the page offers, and an import’s own history (the "imported from" link)', () => {
    for (const entity of AUDIT_ENTITIES) expect(validateAuditSearch({ entity }).entity).toBe(entity);
    for (const kind of Object.values(IMPORT_KINDS)) expect(validateAuditSearch({ entity: `${kind.entity}_import`, entityId: '12' })).toEqual({ entity: `${kind.entity}_import`, entityId: '12' });
  });

  it('drops any other entity rather than asking the API for it', () => {
    expect(validateAuditSearch({ entity: 'visit' }).entity).toBeUndefined();
    expect(validateAuditSearch({ entity: 'x; DROP TABLE_import' }).entity).toBeUndefined();
  });
});

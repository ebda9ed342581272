import { describe, expect, it } from 'vitest';
import { FIELD_RULES, mayWriteField, refusedFieldWrites, withoutUnwritableFields, type FieldKind } from './field-policies.ts';
import { ROLES } from './roles.ts';

describe('field rights', () => {
  it('counts naming a field as writing it: a value, an empty string or null alike; an absent or undefined field is no write', () => {
    for (const value of ['X1234567', '', null])
      expect(refusedFieldWrites('coordinator', 'person', { familyName: 'Li', passportNumber: value })).toEqual([{ field: 'passportNumber', reason: 'not_allowed' }]);
    expect(refusedFieldWrites('coordinator', 'person', { familyName: 'Li', passportNumber: undefined })).toEqual([]);
    expect(refusedFieldWrites('coordinator', 'person', { familyName: 'Li' })).toEqual([]);
    expect(refusedFieldWrites('officer', 'person', { passportNumber: '', birthDate: null })).toEqual([]);
  });

  it('puts a closed mission’s approval number on file for everyone, and leaves it to the office before', () => {
    expect(refusedFieldWrites('officer', 'mission', { approvalDocumentNo: 'N-1' }, 'approved')).toEqual([]);
    for (const role of ROLES) expect(mayWriteField(role, 'mission', 'approvalDocumentNo', 'closed')).toBe(false);
    expect(refusedFieldWrites('admin', 'mission', { approvalDocumentNo: 'N-2' }, 'closed')).toEqual([{ field: 'approvalDocumentNo', reason: 'frozen_in_state' }]);
    expect(refusedFieldWrites('coordinator', 'mission', { approvalDocumentNo: 'N-2' }, 'requested')).toEqual([{ field: 'approvalDocumentNo', reason: 'not_allowed' }]);
    expect(mayWriteField('coordinator', 'mission', 'notes', 'closed')).toBe(true);
  });

  it('lets a form send only what the role may write', () => {
    expect(withoutUnwritableFields({ familyName: 'Li', passportNumber: null, birthDate: '1970-01-01' }, 'coordinator', 'person')).toEqual({ familyName: 'Li' });
    expect(withoutUnwritableFields({ titleEn: 'T', approvalDocumentNo: 'N' }, 'officer', 'mission', 'closed')).toEqual({ titleEn: 'T' });
    expect(withoutUnwritableFields({ nameEn: 'Prize', notable: false }, 'officer', 'honour')).toEqual({ nameEn: 'Prize', notable: false });
  });

  it('names only fields, never a non-object body', () => {
    for (const kind of Object.keys(FIELD_RULES) as FieldKind[]) for (const body of [null, 'passportNumber', ['number'], 42]) expect(refusedFieldWrites('viewer', kind, body)).toEqual([]);
  });
});

import { HOSPITAL_MEMORANDUM_KIND } from './hospital-memorandum.ts';
import type { RecordKind } from './record-kind.ts';

/**
 * Every kind described down to its fields: the server mounts its routes and table access from
 * this list, the web its pages, the sweeps their cases. A small kind is added by one line here.
 */
export const RECORD_KINDS: readonly RecordKind[] = [
  HOSPITAL_MEMORANDUM_KIND,
];

/** A record of a kind described by its fields, as its API answers it (recordContract's Record): its fields by name, and the standard ones. */
export interface KindRecord {
  id: number;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

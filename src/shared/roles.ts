/** The roles of Interchange. Permissions per entity live in src/server/policies. */
export const ROLES = ['admin', 'officer', 'coordinator', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may see personal data (passport numbers, birth dates). */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['admin', 'officer'];

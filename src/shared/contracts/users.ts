import { z } from 'zod';
import { Id, Locale, Versioned, updateFields, RequiredName } from './common.ts';
import { Role } from './auth.ts';

const Fields = {
  email: z.string().trim().email().max(200),
  displayName: RequiredName(200),
  role: Role,
  unitId: Id.nullish().transform((v) => v ?? null),
  locale: Locale.default('en'),
};

const coordinatorHasUnit = (v: { role?: string; unitId?: number | null }) =>
  v.role === undefined || (v.role === 'coordinator') === (v.unitId != null);

/** Creating a user (admin). The password is generated unless given. */
export const UserInput = z
  .object({ ...Fields, password: z.string().min(12).max(200).optional() })
  .refine(coordinatorHasUnit, { message: 'coordinator_needs_unit', path: ['unitId'] });
export type UserInput = z.input<typeof UserInput>;

export const UserUpdate = z
  .object(updateFields({ ...Fields, disabled: z.boolean() }))
  .extend(Versioned.shape)
  .refine(coordinatorHasUnit, { message: 'coordinator_needs_unit', path: ['unitId'] });
export type UserUpdate = z.input<typeof UserUpdate>;

export const User = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.number().nullable(),
  locale: Locale,
  disabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;
/** Returned once when a user is created with a generated password. */
export const UserCreated = User.extend({ password: z.string().optional() });

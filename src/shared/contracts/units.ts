import { z } from 'zod';
import { Id, Versioned, updateFields, RequiredName, OptionalName } from './common.ts';

export const UNIT_KINDS = ['university', 'school', 'department', 'hospital', 'institute', 'office', 'centre'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

const Fields = {
  parentId: Id.nullish().transform((v) => v ?? null),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  kind: UnitKind,
  nameEn: RequiredName(300),
  nameZh: RequiredName(300),
  nameFr: OptionalName(300),
  /** The full official name a letter writes (上海交通大学医学院附属瑞金医院), when the short name is not it. */
  officialNameEn: OptionalName(500),
  officialNameZh: OptionalName(500),
  officialNameFr: OptionalName(500),
};

/** Creating a unit of our organization. */
export const UnitInput = z.object(Fields);
export type UnitInput = z.input<typeof UnitInput>;

/** Changing a unit. */
export const UnitUpdate = z.object(updateFields(Fields)).extend(Versioned.shape);
export type UnitUpdate = z.input<typeof UnitUpdate>;

export const Unit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  kind: UnitKind,
  nameEn: z.string(),
  nameZh: z.string(),
  nameFr: z.string().nullable(),
  officialNameEn: z.string().nullable(),
  officialNameZh: z.string().nullable(),
  officialNameFr: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

import type { z } from 'zod';
import { RequiredText, Versioned } from './common.ts';

/** Erasing a person's personal data: at the version the caller saw, with the reason (the request it answers). */
export const PersonErase = Versioned.extend({ reason: RequiredText(1000) });
export type PersonErase = z.input<typeof PersonErase>;

/**
 * The family name an erased person keeps: the column is required, and lists and figures still
 * need a label for the anonymous person-times. It names no one.
 */
export const erasedFamilyName = (id: number): string => `Erased person ${id}`;

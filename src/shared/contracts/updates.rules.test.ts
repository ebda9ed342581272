/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

// Every contract module; a new one is picked up without editing this test.
const modules = import.meta.glob<Record<string, unknown>>('./*.ts', { eager: true });

describe('updates change only what they name', () => {
  const updates = Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([name, value]) => name.endsWith('Update') && typeof (value as z.ZodType)?.safeParse === 'function')
      .map(([name, value]) => [`${file}#${name}`, value as z.ZodType] as const),
  );

  it('finds the update schemas', () => expect(updates.length).toBeGreaterThanOrEqual(8));

  for (const [name, schema] of updates) {
    it(`${name}: an update naming only its version fills in no field`, () => {
      const parsed = schema.safeParse({ version: 3 });
      // Some updates need more than a version (a status, say); those must at least not add defaults.
      if (parsed.success) expect(parsed.data).toEqual({ version: 3 });
    });
  }
});

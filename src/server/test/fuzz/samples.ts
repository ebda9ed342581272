import type { Schema } from './schema.ts';

/** A valid text for each pattern the contracts use; a new pattern has to be taught here. */
const PATTERN_SAMPLES: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': '2024-05-10',
  '^[A-Z]{2}$': 'FR',
  '^[a-z]{2}$': 'en',
  '^\\d{9}$': '123456789',
  '^0[a-z0-9]{6}\\d{2}$': '0abcde123',
  '^[A-Za-z0-9_-]+$': 'FUZZ-1',
  '^[A-Z0-9<-]{5,20}$': 'E12345678',
  '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$': 'fuzz.example.edu',
  '^[a-z]{2}( [ABC][12])?$': 'en B2',
  '^[0-9]{4}$': '0912',
  // A web address (a partner's EWP manifest): .invalid never resolves, should a request ever reach out.
  '^https?:\\/\\/[^\\s/?#]+\\.[^\\s]+$': 'https://partner.invalid/ewp/manifest.xml',
};

const EMAIL_PATTERN = /@\(\?:/;

/** Ids and versions of the records the sweep works on, by field name. */
export interface SampleContext {
  /** The id a field of this name should name (a person for personId, …), or undefined for a plain number. */
  idFor(name: string): number | undefined;
  version: number;
}

let emails = 0;

/**
 * A value the schema allows, so that a request's other fields pass and the hostile one goes
 * as deep as it can: ids name the sweep's own records, versions are current.
 */
export function validValue(schema: Schema, name: string, ctx: SampleContext): unknown {
  if (schema.anyOf) {
    const choice = schema.anyOf.find((s) => s.type === 'integer' || s.type === 'number') ?? schema.anyOf.find((s) => !(s.enum?.length === 1 && s.enum[0] === ''));
    return validValue(choice ?? schema.anyOf[0]!, name, ctx);
  }
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string': {
      if (schema.pattern && PATTERN_SAMPLES[schema.pattern]) return PATTERN_SAMPLES[schema.pattern];
      if (schema.format === 'email' || (schema.pattern && EMAIL_PATTERN.test(schema.pattern))) return `fuzz${++emails}@example.org`;
      if (schema.pattern && /^\^\\d\{1,\d+\}\$$/.test(schema.pattern)) return '1';
      if (schema.pattern) throw new Error(`no sample for pattern ${schema.pattern} (${name}): teach PATTERN_SAMPLES`);
      return 'Fuzz sample text'.padEnd(schema.minLength ?? 0, '!').slice(0, schema.maxLength ?? 100);
    }
    case 'integer':
    case 'number': {
      if (name === 'version') return ctx.version;
      const id = ctx.idFor(name);
      if (id !== undefined) return id;
      const min = schema.minimum === undefined ? 1 : schema.exclusiveMinimum ? schema.minimum + 1 : schema.minimum;
      return /year/i.test(name) || name === 'from' || name === 'to' ? Math.max(min, 2024) : Math.max(min, 1);
    }
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}, name, ctx));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = validValue(schema.properties?.[key] ?? {}, key, ctx);
      return out;
    }
    default:
      return 1;
  }
}

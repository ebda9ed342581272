import { createHash } from 'node:crypto';
import type { Field } from './routes.ts';
import type { Schema } from './schema.ts';

/** JSON text sent as is (numbers JSON.stringify cannot write, nesting it would recurse through). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A hostile value for a body field: `value` is what JSON.parse makes of it on the server. */
export interface BodyValue {
  kind: 'body';
  cls: string;
  sent: unknown;
  value: unknown;
}

/** A hostile value for a query or path parameter: `encoded` goes on the wire, `value` is what the server decodes. */
export interface TextValue {
  kind: 'text';
  cls: string;
  encoded: string | string[];
  value: unknown;
}

export type HostileValue = BodyValue | TextValue;

const DEPTH = 10_000;
export const MEGABYTE_STRING = 'x'.repeat(1_000_000);
const DEEP_ARRAY = new RawJson('['.repeat(DEPTH) + ']'.repeat(DEPTH));
const DEEP_OBJECT = new RawJson('{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH));

/** Strings every text field is tried with, by class; one variant of each class per field. */
const STRINGS: Record<string, string[]> = {
  nul: ['a\u0000b', '\u0000', 'Martin\u0000; DROP TABLE people'],
  'lone-surrogate': ['\uD800', 'a\uDFFFb', '\uDBFF\uD800x'],
  megabyte: [MEGABYTE_STRING, 'é'.repeat(500_000)],
  bidi: ['invoice\u202Efdp.exe\u202C', '\u2067isolate\u2069 \u200F\u200E', '\u202Dx\u200B\u2060\uFEFF'],
  sql: ["'; DROP TABLE people; --", "' OR '1'='1", '1) UNION SELECT password_hash FROM users --', '$1 \\x00 E\'\\\\\''],
  markup: ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}} ${7*7} <%= 7*7 %>', '=HYPERLINK("http://evil.example")'],
  'line-break': ['Name\n# Heading', 'a\r\nb', 'x\u2028y\u0085z'],
  control: ['\u0001\u001b[31mred\u001b[0m\u007f', '\t\v\f', '\u0008\u0007'],
  'combining-flood': ['e' + '\u0301'.repeat(5000), '👩‍👩‍👧‍👦'.repeat(2000)],
};

/** Numbers every numeric field is tried with. Raw texts are numbers JSON.stringify cannot write. */
const NUMBERS: Record<string, unknown[]> = {
  negative: [-1, -2147483649, -9007199254740991],
  zero: [0, new RawJson('-0')],
  huge: [1e308, 9007199254740991 * 1024, new RawJson('1e400'), new RawJson('9'.repeat(400))],
  unsafe: [new RawJson('9007199254740993'), 2 ** 63, 2147483648],
  fraction: [1.5, 0.1, 1e-300],
  'nan-like': ['NaN', 'Infinity', '-Infinity', '0x1', '1e0', ' 1', '1_000', '١'],
  'numeric-string': ['1', '01', '+1'],
};

/** Wrong types every field is tried with (those its schema allows are skipped). */
const WRONG: Record<string, unknown[]> = {
  'wrong-type-string': ['x', 'true'],
  'wrong-type-number': [12345, -7],
  'wrong-type-boolean': [true, false],
  'wrong-type-array': [['x'], [1, 2]],
  'wrong-type-object': [{ a: 'x' }, { $where: '1' }],
  'wrong-type-null': [null],
  'deep-array': [DEEP_ARRAY],
  'deep-object': [DEEP_OBJECT],
};

/** Query and path texts for numbers, ids and dates. */
const NUMBER_TEXTS: Record<string, string[]> = {
  negative: ['-1', '-9223372036854775809'],
  zero: ['0', '-0'],
  huge: ['9'.repeat(400), '1e400', '9223372036854775808'],
  unsafe: ['9007199254740993'],
  fraction: ['1.5', '1.0'],
  'nan-like': ['NaN', 'Infinity', '0x1', '1e0', ' 1', '1 ', '0b1', '1_0', '１'],
};
const DATES = ['2024-02-30', '2024-13-01', '0000-00-00', '9999-99-99', '0001-01-01'];

const decodedCache = new Map<string, string>();
/** Long texts are decoded once: they are the same few megabyte strings for every field. */
function decodedLong(s: string): string {
  let d = decodedCache.get(s);
  if (d === undefined) {
    try {
      d = decodeURIComponent(s);
    } catch {
      d = s;
    }
    decodedCache.set(s, d);
  }
  return d;
}

/** A short digest of `key`, to pick a variant the same way on every run. */
function pick<T>(variants: T[], key: string): T {
  const n = createHash('sha256').update(key).digest().readUInt32BE(0);
  return variants[n % variants.length]!;
}

/** The JSON value the server parses out of a sent value. */
export function parsed(sent: unknown): unknown {
  if (sent instanceof RawJson) return sent.text.length > 1000 ? DEEP_MARK : JSON.parse(sent.text);
  return sent;
}
/** Stands for a deeply nested value when checking it against a schema: a scalar schema never allows it. */
const DEEP_MARK = Object.freeze({ deep: true });

const typeOf = (schema: Schema): Schema['type'] => schema.type ?? schema.anyOf?.find((s) => s.type)?.type;
const isDate = (schema: Schema): boolean => schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || (schema.anyOf ?? []).some(isDate);

const encoded = new Map<string, string>();

/** Percent-encodes text for a URL, writing a lone surrogate as the (invalid) UTF-8 bytes of its code unit. */
export function encodeText(text: string): string {
  const known = encoded.get(text);
  if (known !== undefined) return known;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  if (text.length > 1000) encoded.set(text, out);
  return out;
}

/**
 * The hostile values one field is tried with: one variant of each class that applies to its
 * type, chosen by a digest of `key` (route and field), so every run sends the same requests.
 */
export function hostileValues(field: Field, key: string): HostileValue[] {
  const type = typeOf(field.schema);
  const out: HostileValue[] = [];
  if (field.location === 'body') {
    const add = (cls: string, variants: unknown[]) => {
      const sent = pick(variants, `${key} ${cls}`);
      out.push({ kind: 'body', cls, sent, value: parsed(sent) });
    };
    if (type === 'string' || type === undefined) for (const [cls, v] of Object.entries(STRINGS)) add(cls, v);
    if (type === 'string' && isDate(field.schema)) add('impossible-date', DATES);
    if (type === 'integer' || type === 'number' || type === undefined) for (const [cls, v] of Object.entries(NUMBERS)) add(cls, v);
    if (type === 'array') add('huge-array', [new RawJson(`[${'1,'.repeat(100_000)}1]`), new RawJson(`[${'null,'.repeat(50_000)}null]`)]);
    for (const [cls, v] of Object.entries(WRONG)) {
      const own = cls.replace('wrong-type-', '');
      if (own === type || (own === 'number' && type === 'integer')) continue;
      add(cls, v);
    }
    return out;
  }
  const addText = (cls: string, variants: Array<string | string[]>) => {
    const encoded = pick(variants, `${key} ${cls}`);
    const decode = (s: string) => {
      if (s.length > 1000) return decodedLong(s);
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    // An empty parameter may fairly be read as no parameter: it is sent, but not held to the schema.
    const value = encoded === '' ? undefined : Array.isArray(encoded) ? encoded.map(decode) : decode(encoded);
    out.push({ kind: 'text', cls, encoded, value });
  };
  for (const [cls, v] of Object.entries(STRINGS)) {
    // A path segment is at most 100 characters (fastify's maxParamLength): longer is a 404 before any code of ours.
    if (cls === 'megabyte' && field.location === 'path') addText(cls, ['9'.repeat(101)]);
    else addText(cls, v.map(encodeText));
  }
  addText('bad-escape', ['%', '%zz', '%C0%80', '%ED%A0%80', '%FF%FE', '%uD800']);
  if (type === 'integer' || type === 'number') for (const [cls, v] of Object.entries(NUMBER_TEXTS)) addText(cls, v.map(encodeText));
  if (isDate(field.schema)) addText('impossible-date', DATES);
  if (field.location === 'query') {
    addText('repeated', [['1', '1'], ['FR', 'FR'], ['a', 'b']]);
    addText('empty', ['']);
  }
  // Not '..': the URL is resolved before any route is chosen, so it names another route, rightly.
  else addText('path-tricks', ['1%2F2', '1,2', '1%23', '1%3B2']);
  return out;
}

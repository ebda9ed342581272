import type { FastifyRequest } from 'fastify';
import { hasForbiddenCharacter } from '../../shared/contracts/text-checks.ts';
import { invalidFields } from '../core/errors.ts';

/**
 * The path of the first string (or object key) in `value` that holds a forbidden character,
 * or null. Walks with its own stack: a deeply nested body must not overflow the call stack.
 */
export function forbiddenTextAt(value: unknown, root = ''): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (hasForbiddenCharacter(v)) return path || '(body)';
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (hasForbiddenCharacter(key)) return at;
        stack.push({ value: item, path: at });
      }
    }
  }
  return null;
}

/**
 * preValidation: a NUL or a lone surrogate anywhere in the query, the path or a JSON body is
 * a 400 naming the field, for every route at once (the contracts' builders refuse it too,
 * but a plain `z.string()` of a filter would let it reach PostgreSQL, which answers 500).
 */
export function refuseForbiddenText(request: FastifyRequest): void {
  for (const part of [request.params, request.query, request.body]) {
    const field = forbiddenTextAt(part);
    if (field !== null) throw invalidFields({ field, reason: 'invalid_characters' });
  }
}

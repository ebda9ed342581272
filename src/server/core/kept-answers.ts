/**
 * Answers a server sends again unchanged (a kept figure set): marked here by the code that keeps
 * them, and written as JSON once by the response serializer (http/response-serializer.ts), which
 * sends the same text for every later read of the same object. A kept answer is frozen through,
 * so nothing can change it after its JSON was made: the text stays exactly what its schema
 * would make of it now.
 */
const kept = new WeakSet<object>();

function freezeThrough(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) freezeThrough(item);
}

/** Marks `value` as sent again unchanged (and freezes it through); returns it. */
export function keepAnswer<T extends object>(value: T): T {
  freezeThrough(value);
  kept.add(value);
  return value;
}

/** Whether `value` was marked by keepAnswer: its JSON may be made once and sent again. */
export function isKeptAnswer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && kept.has(value);
}

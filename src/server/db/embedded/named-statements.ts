/**
 * Named (prepared) statements for the embedded engine. Its one backend serves every request in
 * turn, and PGlite (PostgreSQL in WASM) parses and plans an unnamed statement again at each
 * query: about a third of its time under the load test's mix (issue 17). A statement named
 * once is parsed once on the engine's single connection, and PostgreSQL's plan cache may keep
 * a generic plan for it (plan_cache_mode auto: only when it costs no more than the custom
 * plans). PostgreSQL, with ten connections and a pool that moves queries between them, keeps
 * unnamed statements.
 */
import type pg from 'pg';

/** Named statements kept at most: each holds its parse tree (and maybe a plan) in the backend. */
export const MAX_NAMED = 400;
/** Texts seen once that are remembered, waiting for a second use (then cleared). */
const MAX_WAITING = 2_000;

/** Decides, for each query text, whether it runs as a named statement and under which name. */
export interface StatementNames {
  /**
   * The query as `pg` takes it: named when it has values (`pg` sends it with the extended
   * protocol already, so it is one command) and its text has been seen before, while there is room.
   */
  config(text: string, values?: unknown[]): pg.QueryConfig;
  /** Named statements so far (tests, metrics). */
  count(): number;
}

/**
 * Names a text at its second use, so that a text built once with its values inline (a
 * migration, a `SET`) never takes a name; at most `max` names, held for the connection's life
 * (`pg` keeps, per connection, the statements it has prepared; the embedded engine's pool keeps
 * its one connection). Texts named are those of the code, a bounded set.
 * INTERCHANGE_EMBEDDED_UNNAMED=1 names none: the bench's baseline (bench/embedded-load.ts).
 */
export function statementNames(max = process.env.INTERCHANGE_EMBEDDED_UNNAMED === '1' ? 0 : MAX_NAMED): StatementNames {
  const names = new Map<string, string>();
  let waiting = new Set<string>();
  return {
    config(text, values) {
      // Without values `pg` uses the simple protocol, where a text may hold several commands.
      if (!values?.length) return { text, values };
      let name = names.get(text);
      if (name === undefined && names.size < max) {
        if (waiting.has(text)) {
          name = `ic_${names.size + 1}`;
          names.set(text, name);
          waiting.delete(text);
        } else {
          if (waiting.size >= MAX_WAITING) waiting = new Set();
          waiting.add(text);
        }
      }
      return name === undefined ? { text, values } : { name, text, values };
    },
    count: () => names.size,
  };
}

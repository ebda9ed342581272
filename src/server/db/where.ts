import { likePattern, searchTokens } from '../search/normalize.ts';
import { unitScopeSql } from './scope.ts';
import type { QueryResultRow } from 'pg';
import type { Queryable } from './client.ts';

/** Builds a WHERE clause and its parameters together, so placeholders never drift. */
export class Where {
  private readonly clauses: string[] = [];

  /** `params` may be another Where's: clauses of one statement's parts (a UNION's branches) then number their placeholders as one. */
  constructor(readonly params: unknown[] = []) {}

  /** A placeholder for `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds `sql` when `value` is given; `?` in `sql` is the value's placeholder. */
  when(value: unknown, sql: string): this {
    if (value !== undefined && value !== null && value !== '') this.clauses.push(sql.replaceAll('?', this.param(value)));
    return this;
  }

  /** Adds a condition with no parameter. */
  raw(sql: string): this {
    this.clauses.push(sql);
    return this;
  }

  /** Confines `column` to a coordinator's unit subtree when `scope` is set. */
  scope(column: string, scope: number | null): this {
    if (scope !== null) {
      this.params.push(scope);
      this.clauses.push(unitScopeSql(column, this.params.length));
    }
    return this;
  }

  /** Every word of `query` must match `column` (a normalised search text) in one of its forms. */
  search(column: string, query: string | undefined): this {
    for (const group of searchTokens(query ?? '')) {
      this.clauses.push(`(${group.map((alt) => `${column} ILIKE ${this.param(likePattern(alt))}`).join(' OR ')})`);
    }
    return this;
  }

  /**
   * `search` for a column that holds searchText()'s folding (search/normalize.ts) and nothing
   * else: the text and the tokens are folded alike, case included, so LIKE finds what ILIKE
   * finds without ILIKE's lowering of every row, slow for any token not ASCII (a Chinese name
   * over 1,880 people: 17-20 ms with ILIKE, 1.5-3 with LIKE). page-by-key.test.ts holds the two equal.
   */
  searchFolded(column: string, query: string | undefined): this {
    for (const group of searchTokens(query ?? '')) {
      this.clauses.push(`(${group.map((alt) => `${column} LIKE ${this.param(likePattern(alt))}`).join(' OR ')})`);
    }
    return this;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export interface PageSpec {
  select: string;
  from: string;
  where: Where;
  orderBy: string;
  page: number;
  pageSize: number;
}

/** One page of rows and the total count of the rows that match. */
export async function selectPage<R extends QueryResultRow>(db: Queryable, spec: PageSpec): Promise<{ rows: R[]; total: number }> {
  const { select, from, where, orderBy, page, pageSize } = spec;
  const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} ${where}`, [...where.params]);
  const limit = where.param(pageSize);
  const offset = where.param((page - 1) * pageSize);
  const { rows } = await db.query<R>(`SELECT ${select} FROM ${from} ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`, where.params);
  return { rows, total: counted.rows[0]?.n ?? 0 };
}

/**
 * `selectPage` for lists whose columns cost (members or partners as JSON, subqueries a row):
 * with OFFSET, the plain form computes every column of every row it skips (a people list's 40th
 * page computed a thousand rows for 25). Here the page's `key`s are found first, filtered,
 * sorted and cut from `keyFrom` (default `from`: it may leave out joins only the columns read),
 * and the columns are computed for those rows alone, sorted again by the same `orderBy`, which
 * must end with the key so that the order is total. `from` and `keyFrom` use the same aliases.
 */
export async function selectPageByKey<R extends QueryResultRow>(db: Queryable, spec: PageSpec & { key: string; keyFrom?: string }): Promise<{ rows: R[]; total: number }> {
  const { select, from, where, orderBy, page, pageSize, key } = spec;
  const keyFrom = spec.keyFrom ?? from;
  const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${keyFrom} ${where}`, [...where.params]);
  const limit = where.param(pageSize);
  const offset = where.param((page - 1) * pageSize);
  const keys = `SELECT ${key} FROM ${keyFrom} ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`;
  const { rows } = await db.query<R>(`SELECT ${select} FROM ${from} WHERE ${key} IN (${keys}) ORDER BY ${orderBy}`, where.params);
  return { rows, total: counted.rows[0]?.n ?? 0 };
}

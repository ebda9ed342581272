import type { Queryable } from '../../db/client.ts';
import { selectPage, Where } from '../../db/where.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Locale } from '../../../shared/contracts/common.ts';

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  locale: Locale;
  passwordHash: string;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The columns of a UserRow (unqualified: join only with tables that share none of them). */
export const USER_COLUMNS = `id, email::text AS email, display_name AS "displayName", role, unit_id AS "unitId", locale,
  password_hash AS "passwordHash", disabled, version,
  ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('updated_at')} AS "updatedAt"`;

/** The user with this email (case-insensitive), or null. */
export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
  return rows[0] ?? null;
}

/** The user with this id, or null; `lock` takes a row lock for an update. */
export async function findUserById(db: Queryable, id: number, lock = false): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** A page of users, by email. */
export function listUsers(db: Queryable, options: { q?: string; page: number; pageSize: number }) {
  const where = new Where().when(options.q ? `%${options.q}%` : undefined, '(email ILIKE ? OR display_name ILIKE ?)');
  return selectPage<UserRow>(db, { select: USER_COLUMNS, from: 'users', where, orderBy: 'email', ...options });
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  locale: Locale;
  passwordHash: string;
}

/** Inserts a user. */
export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (email, display_name, role, unit_id, locale, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${USER_COLUMNS}`,
    [user.email, user.displayName, user.role, user.unitId, user.locale, user.passwordHash],
  );
  return rows[0]!;
}

/** Writes the given fields of a user and bumps its version. */
export async function updateUserRow(
  db: Queryable,
  id: number,
  fields: Partial<Pick<UserRow, 'email' | 'displayName' | 'role' | 'unitId' | 'locale' | 'passwordHash' | 'disabled'>>,
): Promise<UserRow> {
  const columns: Record<string, string> = {
    email: 'email',
    displayName: 'display_name',
    role: 'role',
    unitId: 'unit_id',
    locale: 'locale',
    passwordHash: 'password_hash',
    disabled: 'disabled',
  };
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || !columns[key]) continue;
    params.push(value);
    sets.push(`${columns[key]} = $${params.length}`);
  }
  const { rows } = await db.query<UserRow>(
    `UPDATE users SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    params,
  );
  return rows[0]!;
}

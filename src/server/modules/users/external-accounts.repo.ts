import type { Queryable } from '../../db/client.ts';
import { USER_COLUMNS, type UserRow } from './users.repo.ts';

/** Where an external account comes from: an identity provider (issuer + subject) or a directory (server + DN). */
export interface ExternalAccount {
  provider: 'oidc' | 'ldap';
  issuer: string;
  subject: string;
}

/** The user linked to this external account, or null; notes the sign-in time of the link. */
export async function findLinkedUser(db: Queryable, account: ExternalAccount): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `WITH link AS (UPDATE external_accounts SET last_sign_in_at = now()
                   WHERE provider = $1 AND issuer = $2 AND subject = $3 RETURNING user_id)
     SELECT ${USER_COLUMNS} FROM users WHERE id = (SELECT user_id FROM link)`,
    [account.provider, account.issuer, account.subject],
  );
  return rows[0] ?? null;
}

/** Links an external account to a user. */
export async function insertExternalAccount(db: Queryable, userId: number, account: ExternalAccount): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO external_accounts (user_id, provider, issuer, subject) VALUES ($1, $2, $3, $4) RETURNING id',
    [userId, account.provider, account.issuer, account.subject],
  );
  return Number(rows[0]!.id);
}

/** The id of the unit with this code, or null. */
export async function unitIdByCode(db: Queryable, code: string): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM units WHERE code = $1', [code]);
  return rows[0] ? Number(rows[0].id) : null;
}

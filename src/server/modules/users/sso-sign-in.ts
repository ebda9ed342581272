import type { Db } from '../../db/client.ts';
import { DomainError } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import type { Role } from '../../../shared/roles.ts';
import type { RoleMapping } from '../../sso-config.ts';
import { findLinkedUser, insertExternalAccount, unitIdByCode, type ExternalAccount } from './external-accounts.repo.ts';
import { findUserByEmail, insertUser, type UserRow } from './users.repo.ts';
import { openSession, presentUser } from './users.service.ts';

/** Who an identity provider or a directory says signed in, and what it says about them. */
export interface ExternalIdentity {
  account: ExternalAccount;
  email: string | null;
  displayName: string | null;
  /** The values of the mapped claim or attribute (groups, roles). */
  roleValues: string[];
  /** The value of the unit claim or attribute: a unit's code. */
  unitCode: string | null;
}

/** A user made by single sign-on has no password: this is no argon2 hash, so no password matches it. */
export const NO_PASSWORD = '!external';

/** The role the first mapped value the person has gives (the map's order is its priority); viewer when none. */
export function mappedRole(values: readonly string[], mapping: RoleMapping): Role {
  return mapping.roleMap.find(([value]) => values.includes(value))?.[1] ?? 'viewer';
}

/** A claim or attribute's values as strings: one value, a list, or nothing. */
export function valuesOf(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}

/**
 * Signs in the user an identity provider or a directory vouched for: the user linked to that
 * account; or, at the first sign-in, a new user with the mapped role and unit (a coordinator
 * needs a unit: without a known one they are a viewer). An existing user with the same email
 * is linked only when the admin allowed it (INTERCHANGE_SSO_LINK_BY_EMAIL): otherwise whoever
 * controls an address at the provider would take over the account of that address here.
 */
export async function signInExternal(
  db: Db,
  identity: ExternalIdentity,
  options: { mapping: RoleMapping; linkByEmail: boolean; ip: string | null; userAgent: string | null; sessionHours: number },
) {
  const { account } = identity;
  const user = await db.transaction(async (tx): Promise<UserRow> => {
    const linked = await findLinkedUser(tx, account);
    if (linked) return linked;
    const email = identity.email?.trim().toLowerCase();
    if (!email) throw new DomainError('sso_no_email', 'forbidden');
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      if (!options.linkByEmail) throw new DomainError('sso_email_taken', 'forbidden');
      await insertExternalAccount(tx, existing.id, account);
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'update', entity: 'user', entityId: existing.id, after: { linkedAccount: account } });
      return existing;
    }
    let role = mappedRole(identity.roleValues, options.mapping);
    const unitId = role === 'coordinator' && identity.unitCode ? await unitIdByCode(tx, identity.unitCode) : null;
    if (role === 'coordinator' && unitId === null) role = 'viewer';
    const created = await insertUser(tx, {
      email,
      displayName: identity.displayName?.trim() || email,
      role,
      unitId,
      locale: 'en',
      passwordHash: NO_PASSWORD,
    });
    await insertExternalAccount(tx, created.id, account);
    await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'create', entity: 'user', entityId: created.id, after: { ...presentUser(created), linkedAccount: account } });
    return created;
  });
  if (user.disabled) throw new DomainError('account_disabled', 'forbidden');
  return openSession(user, { ...options, signedInWith: account.provider }, db);
}

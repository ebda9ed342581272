import { Client, Filter, InvalidCredentialsError, type Entry } from 'ldapts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../core/errors.ts';
import type { LdapConfig } from '../../sso-config.ts';
import { throttledCheck } from './sign-in-throttle.ts';
import { signInExternal, valuesOf } from './sso-sign-in.ts';

/** The directory entry a user name and password opened, and whether the directory disables it. */
interface DirectoryEntry {
  dn: string;
  entry: Entry;
  disabled: boolean;
}

/** An attribute's values, whatever case the directory spells its name in. */
function attribute(entry: Entry, name: string | null): string[] {
  if (!name) return [];
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? valuesOf(entry[key]) : [];
}

/** The person's filter, the user name escaped as a filter value (RFC 4515): `*)(uid=*` matches only itself. */
export function userFilter(config: LdapConfig, username: string): string {
  return config.userFilter.replaceAll('{{username}}', Filter.escape(username));
}

/**
 * Finds the person's entry with the service account (exactly one, or nobody), then binds as
 * that entry with the password: the directory checks it. Null when either fails. An entry
 * the password opened is disabled when it carries `pwdAccountLockedTime` or matches the
 * configured disabled filter.
 */
async function checkDirectory(config: LdapConfig, username: string, password: string): Promise<DirectoryEntry | null> {
  // An empty password is an unauthenticated bind, which a directory answers with success.
  if (password === '') return null;
  const client = new Client({ url: config.url, connectTimeout: 5000, timeout: 10_000 });
  try {
    if (config.bindDn) await client.bind(config.bindDn, config.bindPassword ?? '');
    const attributes = [config.emailAttribute, config.nameAttribute, config.roleAttribute, config.unitAttribute, 'pwdAccountLockedTime'].filter((a): a is string => !!a);
    const { searchEntries } = await client.search(config.baseDn, { scope: 'sub', filter: userFilter(config, username), attributes, sizeLimit: 2 });
    if (searchEntries.length !== 1) return null;
    const entry = searchEntries[0]!;
    let disabled = attribute(entry, 'pwdAccountLockedTime').length > 0;
    if (!disabled && config.disabledFilter) {
      const { searchEntries: matches } = await client.search(entry.dn, { scope: 'base', filter: config.disabledFilter, attributes: ['1.1'] });
      disabled = matches.length > 0;
    }
    try {
      await client.bind(entry.dn, password);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return null;
      throw error;
    }
    return { dn: entry.dn, entry, disabled };
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Signs in with a directory account: the same throttle as passwords (the account counted is
 * `ldap:<user name>`), then the user linked to the entry's DN, or one made from its attributes
 * at the first sign-in. A wrong user name or password is `invalid_credentials`, as for a local
 * password; a disabled entry is `account_disabled`, said only once the password was right.
 */
export async function ldapSignIn(
  db: Db,
  config: LdapConfig,
  options: { username: string; password: string; linkByEmail: boolean; ip: string | null; userAgent: string | null; sessionHours: number; log: (reason: string) => void },
) {
  const found: { entry: DirectoryEntry | null } = { entry: null };
  const ok = await throttledCheck(db, { account: `ldap:${options.username}`, address: options.ip ?? 'unknown' }, async () => {
    try {
      found.entry = await checkDirectory(config, options.username, options.password);
    } catch (error) {
      options.log(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      throw new DomainError('sso_unavailable', 'unsupported');
    }
    return found.entry !== null;
  });
  const entry = found.entry;
  if (!ok || !entry) throw new DomainError('invalid_credentials', 'unauthenticated');
  if (entry.disabled) throw new DomainError('account_disabled', 'forbidden');
  return signInExternal(
    db,
    {
      account: { provider: 'ldap', issuer: config.url, subject: entry.dn },
      email: attribute(entry.entry, config.emailAttribute)[0] ?? null,
      displayName: attribute(entry.entry, config.nameAttribute)[0] ?? null,
      roleValues: attribute(entry.entry, config.roleAttribute),
      unitCode: attribute(entry.entry, config.unitAttribute)[0] ?? null,
    },
    { mapping: config, linkByEmail: options.linkByEmail, ip: options.ip, userAgent: options.userAgent, sessionHours: options.sessionHours },
  );
}

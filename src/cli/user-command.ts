import type { Config } from '../server/config.ts';
import { parseOrThrow, DomainError } from '../server/core/errors.ts';
import { SYSTEM_ACTOR } from '../server/policies/actor.ts';
import { requestContext } from '../server/core/request-context.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { UserInput } from '../shared/contracts/users.ts';
import { fieldReason } from '../shared/i18n/errors.ts';
import { openReadyDb } from './open-ready-db.ts';

interface Options {
  email: string;
  role: string;
  unit?: string;
  name?: string;
  locale: string;
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `interchange user add`: creates a user on a real deployment. */
export async function userAddCommand(config: Config, options: Options): Promise<void> {
  const password = options.passwordStdin ? await readStdin() : undefined;
  const { db } = await openReadyDb(config);
  try {
    let unitId: number | null = null;
    if (options.unit) {
      const { rows } = await db.query<{ id: number }>('SELECT id FROM units WHERE code = $1', [options.unit]);
      if (!rows[0]) throw new DomainError('validation_failed', 'invalid', { fields: [{ field: 'unit', reason: 'unknown_reference' }] });
      unitId = rows[0].id;
    }
    const input = parseOrThrow(UserInput, {
      email: options.email,
      displayName: options.name ?? options.email,
      role: options.role,
      unitId,
      locale: options.locale,
      password,
    });
    const user = await createUser(requestContext({ ...SYSTEM_ACTOR, email: 'cli' }, db), { input });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
    if (user.password) console.log(`Password: ${user.password}`);
  } catch (error) {
    if (error instanceof DomainError) {
      const fields = error.extra.fields?.map((f) => `--${f.field}: ${fieldReason(f.reason, 'en')}`).join('\n  ');
      console.error(`Cannot create the user: ${error.code}${fields ? `\n  ${fields}` : ''}`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.close();
  }
}

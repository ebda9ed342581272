import type { z } from 'zod';
import { invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { PartnerKey, PartnerKeyInput } from '../../../shared/contracts/ewp.ts';
import { describePublicKey, readPublicKey } from './ewp-key.ts';
import { deletePartnerKeyRow, findPartnerKey, insertPartnerKey } from './partner-keys.repo.ts';

/**
 * Registers a partner's key for the institution it signs for: read and checked (RSA, 2048 bits
 * or more), stored as PEM with its key id worked out here (never taken from the caller); audited.
 */
export async function addPartnerKey(ctx: RequestContext, options: { input: z.output<typeof PartnerKeyInput> }): Promise<PartnerKey> {
  const read = readPublicKey(options.input.publicKey);
  if ('problem' in read) throw invalidFields({ field: 'publicKey', reason: read.problem });
  const { keyId, publicKeyPem } = describePublicKey(read.key);
  return ctx.transaction(async (tx) => {
    const row = await insertPartnerKey(tx, { heiId: options.input.heiId, keyId, publicKeyPem, createdBy: ctx.actor.userId || null });
    await tx.audit({ action: 'create', entity: 'ewp_partner_key', entityId: row.id, unitId: null, after: row });
    return row;
  });
}

/** Removes a partner's key: its requests are refused (403) from now on; audited. */
export async function removePartnerKey(ctx: RequestContext, options: { id: number }): Promise<void> {
  await ctx.transaction(async (tx) => {
    const current = await findPartnerKey(tx, options.id, true);
    if (!current) throw notFound();
    await deletePartnerKeyRow(tx, options.id);
    await tx.audit({ action: 'delete', entity: 'ewp_partner_key', entityId: options.id, unitId: null, before: current });
  });
}

import { DomainError, invalidFields } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { SchacCode } from '../../../shared/contracts/ewp.ts';
import { REGISTRY_CATALOGUE_MAX_BYTES, type RegistryCatalogueResult } from '../../../shared/contracts/ewp-registry.ts';
import { CATALOGUE_XSD, xmlSchemaErrors } from './ewp-schema-files.ts';
import { catalogueKeys, CatalogueRefused } from './registry-catalogue.ts';
import { insertPartnerKey, listPartnerKeys } from './partner-keys.repo.ts';

/** A refusal of the file, naming it and the reason (with what was wrong, when there is something to name). */
const refuseFile = (reason: string, detail?: string) => invalidFields({ field: 'file', reason: detail ? `${reason}:${detail.replace(/\s+/g, ' ').trim().slice(0, 300)}` : reason });

/**
 * Loads the EWP Registry's catalogue to fill the partners' keys: the file bounded in size, read
 * by a parser that fetches nothing and refuses a DOCTYPE, validated against the Registry's
 * schema offline, each key checked against the fingerprint it is listed under; then every
 * (institution, request-signing key) pair not yet registered is, in one transaction, each
 * audited as a key added by hand is. Nothing is written when anything is refused. Keys already
 * registered, or registered by hand for institutions the catalogue does not list, are kept.
 */
export async function loadRegistryCatalogue(ctx: RequestContext, options: { content: Buffer }): Promise<RegistryCatalogueResult> {
  if (options.content.length > REGISTRY_CATALOGUE_MAX_BYTES) throw new DomainError('payload_too_large', 'too_large', { fields: [{ field: 'file', reason: 'registry_catalogue_too_large' }] });
  let keys;
  try {
    keys = catalogueKeys(options.content);
  } catch (error) {
    if (error instanceof CatalogueRefused) throw refuseFile(error.problem, error.problem === 'not_xml' || error.problem === 'xml_doctype' ? undefined : error.detail);
    throw error;
  }
  const complaints = await xmlSchemaErrors(options.content, CATALOGUE_XSD);
  if (complaints) throw refuseFile('not_registry_catalogue', complaints.split('\n')[0]);
  // A code the catalogue lists that is not a SCHAC code as we store them cannot sign for anyone here.
  const usable = keys.filter((k) => SchacCode.safeParse(k.heiId).success);
  return ctx.transaction(async (tx) => {
    const registered = new Set((await listPartnerKeys(tx)).map((k) => `${k.heiId} ${k.keyId}`));
    const added = [];
    for (const key of usable) {
      if (registered.has(`${key.heiId} ${key.keyId}`)) continue;
      const row = await insertPartnerKey(tx, { ...key, createdBy: ctx.actor.userId || null });
      await tx.audit({ action: 'create', entity: 'ewp_partner_key', entityId: row.id, unitId: null, after: { ...row, source: 'registry_catalogue' } });
      added.push(row);
    }
    return { added, alreadyRegistered: usable.length - added.length, institutions: new Set(usable.map((k) => k.heiId)).size };
  });
}

import { z } from 'zod';
import { PartnerKey } from './ewp.ts';

/** The largest registry catalogue accepted: the network's whole catalogue is a few megabytes. */
export const REGISTRY_CATALOGUE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * What loading a registry catalogue did: the partner keys it registered, how many of the
 * catalogue's (institution, key) pairs were registered already, and how many institutions it covers.
 */
export const RegistryCatalogueResult = z.object({
  added: z.array(PartnerKey),
  alreadyRegistered: z.number().int(),
  institutions: z.number().int(),
});
export type RegistryCatalogueResult = z.infer<typeof RegistryCatalogueResult>;

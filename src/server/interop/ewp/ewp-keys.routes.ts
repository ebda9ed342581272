import { z } from 'zod';
import { created, declareRoutes, del, get, noContent, NO_CONTENT, policy, post } from '../../core/routes.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { OwnKey, PartnerKey, PartnerKeyInput } from '../../../shared/contracts/ewp.ts';
import { REGISTRY_CATALOGUE_MAX_BYTES, RegistryCatalogueResult } from '../../../shared/contracts/ewp-registry.ts';
import { ewpKeyPair } from './ewp-key.ts';
import { listPartnerKeys } from './partner-keys.repo.ts';
import { addPartnerKey, removePartnerKey } from './partner-keys.service.ts';
import { loadRegistryCatalogue } from './registry-catalogue.service.ts';

/** Erasmus Without Paper's keys: ours (public part, to publish) and the partners' that may call /ewp. */
export const ewpKeysRoutes = declareRoutes('ewp', [
  get('/api/ewp/key', { summary: 'Read our EWP public key and its key id (generated on first use)', ...policy('ewp_key', 'read'), response: { 200: OwnKey } }, async ({ deps: { config } }) => {
    const { keyId, publicKeyPem, publicKeyBase64 } = await ewpKeyPair(config.dataDir);
    return { keyId, publicKeyPem, publicKeyBase64 };
  }),
  get('/api/ewp/partner-keys', { summary: "List the partners' registered EWP keys", ...policy('ewp_key', 'read'), response: { 200: z.array(PartnerKey) } }, async ({ deps: { db } }) => listPartnerKeys(db)),
  post('/api/ewp/partner-keys', { summary: "Register a partner's EWP key for an institution", ...policy('ewp_key', 'create'), body: PartnerKeyInput, response: { 201: PartnerKey } }, async ({ ctx, body }) =>
    created(await addPartnerKey(ctx, { input: body })),
  ),
  del('/api/ewp/partner-keys/:id', { summary: "Remove a partner's EWP key", ...policy('ewp_key', 'delete'), params: IdParams, response: NO_CONTENT }, async ({ ctx, params }) => {
    await removePartnerKey(ctx, { id: params.id });
    return noContent();
  }),
  post(
    '/api/ewp/registry-catalogue',
    {
      summary: "Load the EWP Registry's catalogue (XML) to register the partners' keys it lists",
      ...policy('ewp_key', 'create'),
      upload: { maxBytes: REGISTRY_CATALOGUE_MAX_BYTES, tooLarge: 'registry_catalogue_too_large' },
      response: { 200: RegistryCatalogueResult },
    },
    async ({ ctx, file }) => loadRegistryCatalogue(ctx, { content: file.content }),
  ),
]);

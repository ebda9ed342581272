import type { OwnKey, PartnerKey, PartnerKeyInput } from '../../../shared/contracts/ewp.ts';
import type { RegistryCatalogueResult } from '../../../shared/contracts/ewp-registry.ts';
import { api } from '../../lib/api.ts';
import { fileForm, useApiGet, useWrite } from '../../lib/api-query.ts';

const KEYS = ['ewp', 'partner-keys'] as const;

/** Our public key and its key id (the administrator's; made on first use). */
export const useOwnKey = (enabled: boolean) => useApiGet<OwnKey>(['ewp', 'key'], '/ewp/key', {}, { enabled });

/** The partners' registered keys (the administrator's). */
export const usePartnerKeys = (enabled: boolean) => useApiGet<PartnerKey[]>(KEYS, '/ewp/partner-keys', {}, { enabled });

/** Register a partner's key for an institution. */
export const useAddPartnerKey = () => useWrite((input: PartnerKeyInput) => api.post<PartnerKey>('/ewp/partner-keys', input), () => [KEYS]);

/** Remove a partner's key. */
export const useRemovePartnerKey = () => useWrite((id: number) => api.del(`/ewp/partner-keys/${id}`), () => [KEYS]);

/** Load the Registry's catalogue: registers the keys it lists. */
export const useLoadCatalogue = () => useWrite((file: File) => api.upload<RegistryCatalogueResult>('/ewp/registry-catalogue', fileForm(file)), () => [KEYS]);

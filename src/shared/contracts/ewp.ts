import { z } from 'zod';
import { CleanString } from './common.ts';

/**
 * An institution's SCHAC code, the id EWP gives a higher-education institution (`uw.edu.pl`,
 * `shsmu.edu.cn`): a lower-case domain name, as the Registry lists it.
 */
export const SchacCode = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/);

/**
 * The EWP APIs that give partners our data, each of which the office can turn off on its own
 * (Discovery and Echo answer whenever EWP is on: the Registry needs them to list us).
 */
export const EWP_DATA_APIS = ['institutions', 'organizational-units', 'factsheet', 'iias', 'omobilities'] as const;
export type EwpDataApi = (typeof EWP_DATA_APIS)[number];

/** A key id as EWP defines it: the lower-case hex SHA-256 of the RSA public key's DER (SubjectPublicKeyInfo). */
export const EwpKeyId = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Registering a partner's key: the institution it signs for, and the key as PEM or as the bare
 * base64 DER the Registry's catalogue lists (`<rsa-public-key>`). The server reads it, refuses
 * anything but an RSA key of 2048 bits or more, and works out its key id.
 */
export const PartnerKeyInput = z.object({
  heiId: SchacCode,
  publicKey: CleanString().trim().min(1).max(10_000),
});
export type PartnerKeyInput = z.input<typeof PartnerKeyInput>;

/** A partner's registered key. */
export const PartnerKey = z.object({
  id: z.number(),
  heiId: z.string(),
  keyId: EwpKeyId,
  publicKeyPem: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
});
export type PartnerKey = z.infer<typeof PartnerKey>;

/** Our own key (public part only): what a partner, or the Registry's manifest, needs to check our signatures. */
export const OwnKey = z.object({
  keyId: EwpKeyId,
  publicKeyPem: z.string(),
  /** The DER in base64, as the manifest's `<rsa-public-key>` carries it. */
  publicKeyBase64: z.string(),
});
export type OwnKey = z.infer<typeof OwnKey>;

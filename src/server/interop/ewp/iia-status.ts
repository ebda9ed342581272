/**
 * An agreement's standing in the EWP network, as its page shows it: whether our IIAs API
 * publishes it to its partner (and why not), and how the partner's copy stood at the last pull.
 */
import type { AgreementEwpStatus } from '../../../shared/contracts/ewp-iia-copies.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { unscoped, type Scoped } from '../../core/request-context.ts';
import { getAgreement } from '../../modules/agreements/agreements.service.ts';
import { ewpHostSettings, partnerManifestUrl } from '../../modules/settings/settings.service.ts';
import { isoTimestamp } from '../../db/columns.ts';
import { iiaOfAgreement } from './ewp-iias.answers.ts';
import { iiaAgreementRows } from './ewp-iias.repo.ts';
import { latestIiaCopy, partnerHeiIdOf } from './iia-differences.repo.ts';

const EXCHANGE_KINDS: readonly string[] = ['student_exchange', 'staff_exchange'];
const PUBLISHED_STATUSES: readonly string[] = ['approved', 'signed', 'active', 'expired', 'terminated'];

/**
 * The EWP status of agreement `agreementId`, for a caller who may read it (the agreements
 * service's scoped read: a coordinator reaches only their unit's agreements; not found otherwise).
 */
export async function agreementEwpStatus(ctx: Scoped, agreementId: number): Promise<AgreementEwpStatus> {
  const agreement = await getAgreement(ctx, { id: agreementId });
  // Past the scoped read, what EWP says of it is read whatever the caller's reach.
  const db = unscoped(ctx);
  const { enabled, heiId: ourHeiId } = await ewpHostSettings(db);
  const only = agreement.partners.length === 1;
  const partnerHeiId = await partnerHeiIdOf(db, agreement.partners);

  let unpublishedReason: AgreementEwpStatus['unpublishedReason'] = null;
  if (!enabled || !ourHeiId) unpublishedReason = 'ewp_off';
  else if (!EXCHANGE_KINDS.includes(agreement.kind)) unpublishedReason = 'not_exchange';
  else if (!only) unpublishedReason = 'not_one_partner';
  else if (!partnerHeiId || partnerHeiId === ourHeiId) unpublishedReason = 'partner_without_schac';
  else if (!PUBLISHED_STATUSES.includes(agreement.status)) unpublishedReason = 'not_approved';
  else {
    const [row] = await iiaAgreementRows(db, { heiIds: [partnerHeiId], ids: [agreementId], asOf: officeToday() });
    if (!row || !iiaOfAgreement(row, ourHeiId)) unpublishedReason = 'incomplete_terms';
  }

  const copy = await latestIiaCopy(db, agreementId, partnerHeiId);
  const { rows: pulls } = partnerHeiId
    ? await db.query<{ pulledAt: string }>(`SELECT ${isoTimestamp('pulled_at')} AS "pulledAt" FROM ewp_iia_pulls WHERE partner_hei_id = $1`, [partnerHeiId])
    : { rows: [] };
  const pulledAt = pulls[0]?.pulledAt ?? null;
  const published = unpublishedReason === null;
  return {
    published,
    unpublishedReason,
    partnerHeiId,
    iiaId: published ? String(agreementId) : null,
    partnerManifestUrl: partnerHeiId ? await partnerManifestUrl(db, partnerHeiId) : null,
    copy: {
      state: copy ? (copy.differences.length ? 'differs' : 'matches') : pulledAt ? 'not_found' : 'not_pulled',
      partnerIiaId: copy?.partnerIiaId ?? null,
      partnerIiaCode: copy?.partnerIiaCode ?? null,
      pulledAt,
      differences: copy?.differences ?? [],
    },
  };
}

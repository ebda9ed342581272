import { DomainError, currentVersion, parseOrThrow } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { AgreementUpdate, type Agreement } from '../../../shared/contracts/agreements.ts';
import type { AcceptIiaDifference, IiaDifference } from '../../../shared/contracts/ewp-iia-copies.ts';
import { getAgreement, updateAgreementIn } from '../../modules/agreements/agreements.service.ts';
import { latestIiaCopy, partnerHeiIdOf, removeIiaDifference } from './iia-differences.repo.ts';

/** The partner's value of a term as the agreement's field takes it: saying nothing of languages is recommending none. */
function agreementValue(difference: IiaDifference): unknown {
  if (difference.field === 'languageSkills') return difference.theirs ?? [];
  return difference.theirs;
}

/**
 * Accepts the partner's value of one term of an agreement's IIA, as its copy was last pulled: an
 * ordinary change to the agreement (the caller's reach, the version check, the agreement's rules,
 * an audit row that names the partner's IIA), and the difference leaves the copy's list in the same
 * transaction. Refused with `ewp_no_difference` on the field when no stored copy differs on it.
 */
export async function acceptIiaDifference(ctx: RequestContext, options: { agreementId: number; input: AcceptIiaDifference }): Promise<Agreement> {
  const { agreementId, input } = options;
  const { field, version } = input;
  return ctx.transaction(async (tx) => {
    const agreement = currentVersion(await getAgreement(tx, { id: agreementId }), version);
    // The copy the agreement's page shows (iia-status.ts), locked: only a difference it lists is accepted.
    const copy = await latestIiaCopy(tx, agreementId, await partnerHeiIdOf(tx, agreement.partners), { forUpdate: true });
    const difference = copy?.differences.find((d) => d.field === field);
    if (!copy || !difference) throw new DomainError('ewp_no_difference', 'invalid', { fields: [{ field, reason: 'ewp_no_difference' }] });
    const change = parseOrThrow(AgreementUpdate, { [field]: agreementValue(difference), version });
    const row = await updateAgreementIn(tx, {
      id: agreementId,
      input: change,
      source: { acceptedFromPartnerIia: { partnerHeiId: copy.partnerHeiId, partnerIiaId: copy.partnerIiaId, field } },
    });
    await removeIiaDifference(tx, copy.id, field);
    return row;
  });
}

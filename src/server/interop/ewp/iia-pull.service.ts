import { DomainError, type FieldProblem } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { EwpPullInput, EwpPullSummary } from '../../../shared/contracts/ewp-iia-copies.ts';
import { EwpClientError, type Transport } from './ewp-client.ts';
import { EwpSchemasMissing } from './ewp-schema-files.ts';
import { IiaPullError, pullIias } from './iia-pull.ts';

/** Why a pull from the web was refused, as a field and a reason (its words those of `interchange ewp pull-iias`). */
function refusal(error: unknown, heiId: string): FieldProblem | null {
  if (error instanceof IiaPullError) {
    if (error.problem === 'ewp_off') return { field: 'ewp.heiId', reason: 'ewp_pull_ewp_off' };
    if (error.problem === 'no_manifest') return { field: 'manifestUrl', reason: `ewp_no_manifest:${heiId}` };
    return { field: 'manifestUrl', reason: `ewp_${error.problem}:${error.detail}` };
  }
  if (error instanceof EwpClientError) return { field: 'manifestUrl', reason: `ewp_${error.problem}:${error.detail}` };
  if (error instanceof EwpSchemasMissing) return { field: 'EWP_SCHEMAS', reason: `ewp_schemas_missing:${error.dir}` };
  return null;
}

/**
 * The office pulls partner `heiId`'s IIAs from the web: what `interchange ewp pull-iias` does, as
 * `ctx`'s actor (the pull's `pulled_by` and its audit row), from the manifest given or else the
 * one of this partner's last pull. Refused (400, the field and the reason named) when there is
 * neither, or when the partner's answers cannot be taken; nothing is stored then.
 */
export async function pullPartnerIias(
  ctx: RequestContext,
  options: { heiId: string; input: EwpPullInput; dataDir: string; transport?: Transport },
): Promise<EwpPullSummary> {
  const heiId = options.heiId.trim().toLowerCase();
  try {
    const result = await pullIias(ctx, { heiId, manifestUrl: options.input.manifestUrl ?? undefined, dataDir: options.dataDir, transport: options.transport });
    const count = (state: string) => result.iias.filter((i) => i.state === state).length;
    return {
      partnerHeiId: result.partnerHeiId,
      manifestUrl: result.manifestUrl,
      pulledAt: result.pulledAt,
      matches: count('matches'),
      differs: count('differs'),
      unmatched: count('unmatched'),
      notFound: result.notFound.length,
    };
  } catch (error) {
    const field = refusal(error, heiId);
    if (field) throw new DomainError('ewp_pull_refused', 'invalid', { fields: [field] });
    throw error;
  }
}

import { declareRoutes, policy, post } from '../../core/routes.ts';
import { EwpPartnerParams, EwpPullInput, EwpPullSummary } from '../../../shared/contracts/ewp-iia-copies.ts';
import { pullPartnerIias } from './iia-pull.service.ts';

/** The office pulls a partner's IIAs from the web (the agreement page's EWP card), as `interchange ewp pull-iias` does. */
export const iiaPullRoutes = declareRoutes('ewp', [
  post(
    '/api/ewp/partners/:heiId/pull',
    {
      summary: "Pull a partner's IIAs over EWP and compare them with our agreements",
      description:
        "Reads the partner's Discovery manifest (`manifestUrl`, else the one of its last pull), calls its IIAs API (each answer's signature and schema checked), stores its copies and their differences for the agreements' pages and audits the pull; our agreements are not changed. Refused with 400 naming `manifestUrl` when no manifest is known, or naming why the partner's answers cannot be taken.",
      operationId: 'pullPartnerEwpIias',
      // The office's, as the EWP settings are.
      ...policy('setting', 'update'),
      params: EwpPartnerParams,
      body: EwpPullInput,
      response: { 200: EwpPullSummary },
    },
    async ({ ctx, params, body, deps: { config } }) => pullPartnerIias(ctx, { heiId: params.heiId, input: body, dataDir: config.dataDir }),
  ),
]);

import { declareRoutes, get, policy } from '../../core/routes.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { AgreementEwpStatus } from '../../../shared/contracts/ewp-iia-copies.ts';
import { agreementEwpStatus } from './iia-status.ts';

/** An agreement's standing in Erasmus Without Paper: published to its partner or not, and the partner's copy as last pulled. */
export const ewpIiaCopiesRoutes = declareRoutes('ewp', [
  get(
    '/api/agreements/:id/ewp',
    { summary: "Read an agreement's EWP status: published to its partner, and the partner's copy as last pulled", ...policy('agreement', 'read'), params: IdParams, response: { 200: AgreementEwpStatus } },
    async ({ ctx, params }) => agreementEwpStatus(ctx, params.id),
  ),
]);

import { declareRoutes, policy, post } from '../../core/routes.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { Agreement } from '../../../shared/contracts/agreements.ts';
import { AcceptIiaDifference } from '../../../shared/contracts/ewp-iia-copies.ts';
import { acceptIiaDifference } from './iia-accept.service.ts';

/** An agreement's page, EWP card: accepting the partner's value of a term its copy of the IIA states otherwise. */
export const iiaAcceptRoutes = declareRoutes('ewp', [
  post(
    '/api/agreements/:id/ewp/accept',
    {
      summary: "Accept the partner's value of one term of an agreement's IIA (EWP), as its copy was last pulled",
      description:
        "Changes the agreement's field to the value the partner's copy states (stored by `interchange ewp pull-iias`), as a change to the agreement at `version` would: the same reach, rules and audit; the difference is then no longer listed. Answers the agreement as changed.",
      operationId: 'acceptAgreementEwpDifference',
      ...policy('agreement', 'update'),
      params: IdParams,
      body: AcceptIiaDifference,
      response: { 200: Agreement },
    },
    async ({ ctx, params, body }) => acceptIiaDifference(ctx, { agreementId: params.id, input: body }),
  ),
]);

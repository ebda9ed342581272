import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, ServerContext } from './context.ts';
import { publicRoute } from './context.ts';
import { institutionsAnswer } from '../interop/ewp/ewp-institutions.ts';
import { ounitsAnswer } from '../interop/ewp/ewp-ounits.ts';
import { factsheetAnswer } from '../interop/ewp/ewp-factsheet.ts';
import { EwpBadRequest, omobilitiesGetAnswer, omobilitiesIndexAnswer, omobilitiesUpdateRefusal } from '../interop/ewp/ewp-omobilities.ts';
import { iiasGetAnswer, iiasIndexAnswer, iiasStatsAnswer, type IiaAnswer } from '../interop/ewp/ewp-iias.answers.ts';
import { officeToday } from '../../shared/calendar.ts';
import { authenticateEwpRequest, echoAnswer, ewpError, ewpHostState, isServed, manifestAnswer, REFUSAL_STATUS, responseSignature, type EwpCaller } from '../interop/ewp/ewp-host.ts';

const XML = 'application/xml; charset=utf-8';

/** Sends an EWP XML document with its status. */
const sendXml = (reply: FastifyReply, status: number, xml: string) => reply.status(status).type(XML).send(xml);

/**
 * An EWP request's parameters: the query's, and for a POST the form-encoded body's (EWP lets
 * clients send either); a repeated parameter keeps every value, in order.
 */
function parametersOf(request: FastifyRequest): URLSearchParams {
  const params = new URLSearchParams(request.url.split('?')[1] ?? '');
  if (request.method === 'POST' && Buffer.isBuffer(request.body) && /^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? ''))
    for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) params.append(name, value);
  return params;
}

/**
 * /ewp: Interchange as an Erasmus Without Paper host. Not part of /api (no session, no token,
 * no JSON): partners' servers call it, each request signed with HTTP Signatures by a key the
 * administrator registered, and every answer is an EWP XML document, errors included, signed
 * back when the caller asks. Nothing answers (404) until the office turns `ewp.enabled` on.
 * Its contracts are EWP's own schemas (the manifest lists them), not the OpenAPI document.
 */
export async function ewpHostRoutes(app: App, { db, config, cipher }: ServerContext): Promise<void> {
  await app.register(async (scope) => {
    // The body is kept as bytes: its Digest is checked against exactly what was sent.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      void sendXml(reply, status, ewpError(status < 500 ? error.message : 'The server failed to answer; its administrators can read why in its log.'));
    });
    // Signed (or given a Digest) when the caller asks: errors too, as srvauth-httpsig wants.
    scope.addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      for (const [name, value] of Object.entries(await responseSignature(config.dataDir, request, payload))) void reply.header(name, value);
      return payload;
    });

    const origin = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;
    const off = (reply: FastifyReply) => sendXml(reply, 404, ewpError('Erasmus Without Paper is not turned on at this host.'));

    scope.get('/ewp/manifest.xml', { config: publicRoute, schema: { hide: true } }, async (request, reply) => {
      const state = await ewpHostState(db);
      if (!state.enabled) return off(reply);
      return sendXml(reply, 200, await manifestAnswer(db, { dataDir: config.dataDir, origin: origin(request), heiId: state.heiId, apis: state.apis }));
    });

    /** A route of `api` for signed callers only: the signature checked before `answer` runs; 404 while the office has the API off. */
    const signed = (api: string, answer: (request: FastifyRequest, caller: EwpCaller) => Promise<string> | string) => async (request: FastifyRequest, reply: FastifyReply) => {
      const state = await ewpHostState(db);
      if (!state.enabled) return off(reply);
      if (!isServed(api, state.apis)) return sendXml(reply, 404, ewpError(`The ${api} API is not turned on at this host.`));
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verdict = await authenticateEwpRequest(db, { method: request.method, path: request.url, headers: request.headers, body });
      if (!verdict.ok) {
        if (verdict.refusal === 'unsigned') void reply.header('www-authenticate', 'Signature realm="EWP"');
        return sendXml(reply, REFUSAL_STATUS[verdict.refusal], ewpError(verdict.detail));
      }
      return sendXml(reply, 200, await answer(request, verdict.key));
    };

    /**
     * IIAs 7.0.0: our exchange agreements as the calling partner reads them. A parameter the
     * spec refuses is a 400 `<error-response>` naming it (thrown to the scope's error handler).
     */
    const iias = (answer: (options: { ourHeiId: string; caller: EwpCaller; params: URLSearchParams; today: string }) => Promise<IiaAnswer>) =>
      signed('iias', async (request, caller) => {
        const { heiId } = await ewpHostState(db);
        if (!heiId) throw Object.assign(new Error('This host has no institution set (its SCHAC code): it serves no agreements.'), { statusCode: 404 });
        const answered = await answer({ ourHeiId: heiId, caller, params: parametersOf(request), today: officeToday() });
        if (!answered.ok) throw Object.assign(new Error(answered.message), { statusCode: answered.status });
        return answered.xml;
      });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/iias/get', config: publicRoute, schema: { hide: true }, handler: iias((o) => iiasGetAnswer(db, o)) });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/iias/index', config: publicRoute, schema: { hide: true }, handler: iias((o) => iiasIndexAnswer(db, o)) });
    scope.get('/ewp/iias/stats', { config: publicRoute, schema: { hide: true } }, iias((o) => iiasStatsAnswer(db, o)));
    // The stats endpoint is GET only (its spec): a POST is refused with an <error-response>.
    scope.post('/ewp/iias/stats', { config: publicRoute, schema: { hide: true } }, (_request, reply) => sendXml(reply, 405, ewpError('The IIAs stats endpoint answers GET only.')));
    scope.route({ method: ['GET', 'POST'], url: '/ewp/echo', config: publicRoute, schema: { hide: true }, handler: signed('echo', (request, caller) => echoAnswer(caller, parametersOf(request).getAll('echo'))) });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/institutions', config: publicRoute, schema: { hide: true }, handler: signed('institutions', (request) => institutionsAnswer(db, parametersOf(request))) });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/ounits', config: publicRoute, schema: { hide: true }, handler: signed('organizational-units', (request) => ounitsAnswer(db, parametersOf(request))) });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/factsheet', config: publicRoute, schema: { hide: true }, handler: signed('factsheet', (request) => factsheetAnswer(db, parametersOf(request))) });

    // Outgoing Mobilities 3.0.0: our nominated students, each to the partner receiving them only.
    const omobilities = (answer: typeof omobilitiesGetAnswer) => signed('omobilities', async (request, caller) => {
      const { heiId } = await ewpHostState(db);
      if (!heiId) throw new EwpBadRequest('This host has no SCHAC code set yet, so it sends no mobilities.');
      return answer({ db, cipher, heiId, callerHeiIds: caller.heiIds }, parametersOf(request));
    });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/omobilities/get', config: publicRoute, schema: { hide: true }, handler: omobilities(omobilitiesGetAnswer) });
    scope.route({ method: ['GET', 'POST'], url: '/ewp/omobilities/index', config: publicRoute, schema: { hide: true }, handler: omobilities(omobilitiesIndexAnswer) });
    scope.route({ method: 'POST', url: '/ewp/omobilities/update', config: publicRoute, schema: { hide: true }, handler: signed('omobilities', () => omobilitiesUpdateRefusal()) });
  });
}

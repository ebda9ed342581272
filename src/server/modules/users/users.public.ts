/**
 * What the rest of the server may ask the users module: who a request's credentials belong
 * to. Authentication (`http/auth.ts`) imports this file, not the module's service.
 */
export { resolveActor } from './users.service.ts';

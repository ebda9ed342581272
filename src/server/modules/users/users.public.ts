/**
 * What http/ may ask the users module: who a request's credentials belong to (`http/auth.ts`),
 * and the caller's own account, session and tokens (`http/auth.routes.ts`, which alone knows
 * the session cookie), and single sign-on (OpenID Connect, LDAP). Everything else of the module is its own.
 */
export {
  changePassword,
  createApiToken,
  getOwnAccount,
  getOwnApiTokens,
  resolveActor,
  revokeToken,
  setPreferences,
  signIn,
  signOut,
} from './users.service.ts';
export { ldapSignIn } from './ldap-sign-in.ts';
export { finishOidcSignIn, oidcLogoutUrl, startOidcSignIn } from './oidc-sign-in.ts';

-- Single sign-on (issue 17): the link between a user and the account that signs them in
-- elsewhere, the pending OpenID Connect sign-ins, and how each session was opened.
-- Plain SQL that runs on PostgreSQL 15+ and on PGlite alike.

-- An identity provider's account (issuer + subject) or a directory entry (server + DN),
-- linked to one user. A user may have several; an account belongs to one user.
CREATE TABLE external_accounts (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id          bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider         text NOT NULL CHECK (provider IN ('oidc', 'ldap')),
  issuer           text NOT NULL,
  subject          text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, issuer, subject)
);
CREATE INDEX external_accounts_user ON external_accounts(user_id);

-- An authorization request on its way to the provider and back: kept here, not in a
-- server's memory, so that any server process can take the callback, and used once.
-- The state is stored as its SHA-256, bound to the browser that started it (browser_hash:
-- the digest of a cookie only that browser holds), with the PKCE verifier and the nonce.
CREATE TABLE oidc_sign_in_states (
  state_hash     text PRIMARY KEY,
  browser_hash   text NOT NULL,
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  return_to      text NOT NULL DEFAULT '/',
  expires_at     timestamptz NOT NULL
);
CREATE INDEX oidc_sign_in_states_expires_at ON oidc_sign_in_states(expires_at);

-- How a session was opened: a password, OpenID Connect or LDAP (sign-out ends the
-- provider's session too when it was OpenID Connect).
ALTER TABLE sessions ADD COLUMN signed_in_with text NOT NULL DEFAULT 'password' CHECK (signed_in_with IN ('password', 'oidc', 'ldap'));

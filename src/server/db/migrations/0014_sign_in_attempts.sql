-- Sign-in throttling in the database, so that it holds under concurrency and across
-- several server processes (issue 15, finding 4), and API tokens with a scope and an
-- expiry (finding 7). Plain SQL that runs on PostgreSQL 15+ and on PGlite alike.

-- Attempts per (account, address): every attempt is counted *before* its password is
-- checked (one atomic upsert), so a burst cannot get more checks than the limit. The
-- account is the lower-cased email as typed, whether or not such a user exists.
CREATE TABLE sign_in_attempts (
  account      text NOT NULL,
  address      text NOT NULL,
  attempts     integer NOT NULL CHECK (attempts >= 0),
  last_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account, address)
);
CREATE INDEX sign_in_attempts_last_at ON sign_in_attempts(last_at);

-- Failures per account from every address: each one makes the next attempt wait longer
-- (from any address), instead of locking the account for everyone.
CREATE TABLE sign_in_accounts (
  account          text PRIMARY KEY,
  failures         integer NOT NULL CHECK (failures >= 0),
  last_failure_at  timestamptz NOT NULL DEFAULT now(),
  next_allowed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_accounts_last_failure_at ON sign_in_accounts(last_failure_at);

-- Tokens made before this migration keep the rights they had (read and write, every
-- module) and expire 90 days from now.
ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'read_write' CHECK (scope IN ('read_only', 'read_write'));
-- The entities (of the policy table) the token may reach; NULL = every one its user may.
ALTER TABLE api_tokens ADD COLUMN modules text[];
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz NOT NULL DEFAULT (now() + interval '90 days');
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Erasmus Without Paper (issue 13), part 1: the partners' keys and the host's settings.
-- A partner's client signs its requests with an RSA key (HTTP Signatures, EWP cliauth-httpsig);
-- the request names the key by its keyId, the lowercase hex SHA-256 of the key's DER, and the
-- key says which institution (SCHAC code) asks. The real network takes them from the EWP
-- Registry's catalogue; an administrator registers them here. One key serves one institution
-- here (the catalogue may list several for one key: they are registered one row each).
CREATE TABLE ewp_partner_keys (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hei_id          text NOT NULL CHECK (hei_id ~ '^[a-z0-9][a-z0-9.-]*[a-z0-9]$'),
  key_id          text NOT NULL CHECK (key_id ~ '^[0-9a-f]{64}$'),
  public_key_pem  text NOT NULL,
  created_by      bigint REFERENCES users(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (key_id, hei_id)
);
CREATE INDEX ewp_partner_keys_key ON ewp_partner_keys(key_id);
-- Our SCHAC code (none until the office sets it) and whether /ewp answers: off on a real
-- deployment until the office turns it on; the demo turns it on.
INSERT INTO settings (key, value) VALUES ('ewp.heiId', 'null'), ('ewp.enabled', 'false');

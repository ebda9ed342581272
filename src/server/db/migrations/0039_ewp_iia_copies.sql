-- Erasmus Without Paper (issue 13), part 3: the partners' copies of our inter-institutional
-- agreements, as `interchange ewp pull-iias` last read them from each partner's IIAs API. A copy
-- is kept apart from the agreement it was matched to: pulling never changes an agreement; the
-- office accepts a difference on the agreement's page, as an ordinary (audited) change.
CREATE TABLE ewp_iia_copies (
  id               bigserial PRIMARY KEY,
  partner_hei_id   text NOT NULL,
  -- The partner's own id and code for its copy (IIAs 7.0.0 <partner><iia-id>, <iia-code>).
  partner_iia_id   text NOT NULL,
  partner_iia_code text,
  -- Our agreement the copy was matched to; null when none is (the copy is shown on no page).
  agreement_id     bigint REFERENCES agreements(id) ON DELETE SET NULL,
  -- The copy's terms seen from our side (ewp-iia-copies.ts IIA_TERM_FIELDS) and its iia-hash.
  terms            jsonb NOT NULL,
  iia_hash         text,
  -- IiaDifference[] against the agreement when it was pulled; [] when they match.
  differences      jsonb NOT NULL DEFAULT '[]',
  pulled_at        timestamptz NOT NULL,
  UNIQUE (partner_hei_id, partner_iia_id)
);
CREATE INDEX ewp_iia_copies_agreement ON ewp_iia_copies(agreement_id);

-- When each partner's IIAs were last pulled: an agreement with that partner that no copy was
-- matched to is then "not found" at the partner, rather than "never pulled".
CREATE TABLE ewp_iia_pulls (
  partner_hei_id text PRIMARY KEY,
  pulled_at      timestamptz NOT NULL,
  pulled_by      bigint REFERENCES users(id)
);

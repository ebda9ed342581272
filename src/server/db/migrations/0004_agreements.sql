-- Agreements with partner institutions and international organizations, their partners and
-- their signed documents. "In force", "expiring" and "dormant" are derived at a date by the
-- functions below, never stored, so that any "as of" date can be answered.

CREATE TABLE agreements (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title_en              text NOT NULL,
  title_zh              text NOT NULL,
  title_fr              text,
  level                 text NOT NULL CHECK (level IN ('institutional','collegiate')),
  kind                  text NOT NULL CHECK (kind IN ('comprehensive','student_exchange','staff_exchange','joint_research','joint_programme','working_arrangement','other')),
  -- Our unit that signed a collegiate agreement; coordinators reach their unit's only.
  unit_id               bigint REFERENCES units(id),
  status                text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','under_review','approved','signed','active','expired','terminated')),
  our_signatory         text,
  partner_signatory     text,
  signed_on             date,
  effective_on          date,
  expires_on            date,
  -- The day it stopped being in force before (or instead of) its expiry: terminated, or an automatic renewal ended.
  terminated_on         date,
  auto_renewal          boolean NOT NULL DEFAULT false,
  renewal_term_months   integer CHECK (renewal_term_months > 0),
  renewal_lead_months   integer NOT NULL DEFAULT 6 CHECK (renewal_lead_months >= 0),
  students_in_per_year  integer CHECK (students_in_per_year >= 0),
  students_out_per_year integer CHECK (students_out_per_year >= 0),
  staff_in_per_year     integer CHECK (staff_in_per_year >= 0),
  staff_out_per_year    integer CHECK (staff_out_per_year >= 0),
  notes                 text,
  predecessor_id        bigint UNIQUE REFERENCES agreements(id),
  search_text           text NOT NULL DEFAULT '',
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'collegiate') = (unit_id IS NOT NULL)),
  CHECK (expires_on IS NULL OR effective_on IS NULL OR expires_on >= effective_on),
  CHECK (NOT auto_renewal OR renewal_term_months IS NOT NULL)
);
CREATE INDEX agreements_unit ON agreements(unit_id);
CREATE INDEX agreements_status ON agreements(status);
CREATE INDEX agreements_search ON agreements USING gin (search_text gin_trgm_ops);

CREATE TABLE agreement_partners (
  agreement_id   bigint NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  institution_id bigint NOT NULL REFERENCES institutions(id),
  -- The partner's own unit where known (its faculty of medicine, its hospital).
  partner_unit   text,
  position       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (agreement_id, institution_id)
);
CREATE INDEX agreement_partners_institution ON agreement_partners(institution_id);

-- Signed documents are kept in the database, so that a backup of the database holds them.
CREATE TABLE agreement_documents (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id bigint NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  file_name    text NOT NULL,
  media_type   text NOT NULL CHECK (media_type IN ('application/pdf','image/png','image/jpeg','image/tiff')),
  size_bytes   integer NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agreement_documents_agreement ON agreement_documents(agreement_id);

-- The end of the term running on `as_of`: automatic renewals roll the expiry forward by whole
-- terms counted from the first expiry (so month ends do not drift). NULL = open-ended.
CREATE FUNCTION agreement_term_end(expires date, auto boolean, term_months integer, as_of date) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k integer := 0;
  t date := expires;
BEGIN
  IF expires IS NULL OR NOT auto OR term_months IS NULL THEN
    RETURN expires;
  END IF;
  WHILE t < as_of LOOP
    k := k + 1;
    t := (expires + make_interval(months => term_months * k))::date;
  END LOOP;
  RETURN t;
END $$;

-- Whether an agreement was in force on `d`: signed, effective by then, not yet ended. A day
-- of expiry is still a day in force.
CREATE FUNCTION agreement_in_force(status text, effective date, expires date, auto boolean, terminated date, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('signed','active','expired','terminated')
     AND effective IS NOT NULL AND effective <= d
     AND (terminated IS NULL OR d < terminated)
     AND (expires IS NULL OR auto OR d <= expires)
$$;

-- Everything recorded with an institution: the dormant rule and the institution's timeline
-- read it. The ledger carries visits, missions, exchanges and conference participants;
-- modules with activity outside the ledger (appointments, co-organized conferences,
-- programmes) add their rows here when they land. `label` says what happened (a ledger
-- category, a title); `count` is person-times where there are any; `unit_id` is our unit.
-- The view is read per partner institution: keep that a lookup, not a scan of the ledger.
CREATE INDEX ledger_institution ON ledger(institution_id, start_date) WHERE institution_id IS NOT NULL;

CREATE VIEW partner_activity AS
  SELECT institution_id, start_date AS activity_date, source_module, source_id, category AS label, count, unit_id
  FROM ledger
  WHERE institution_id IS NOT NULL;

-- The kernel: reference data, our organization, institutions, people, users, sessions, audit.
-- Plain SQL that runs on PostgreSQL 15+ and on PGlite alike.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;

-- Reference data, loaded from reference/*.json by the reference sync (not by hand).
CREATE TABLE reference_versions (
  name        text PRIMARY KEY,
  sha256      text NOT NULL,
  loaded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE countries (
  code        char(2) PRIMARY KEY,
  alpha3      char(3) NOT NULL,
  numeric     char(3) NOT NULL,
  name_en     text NOT NULL,
  name_zh     text NOT NULL,
  name_fr     text NOT NULL,
  -- Hong Kong, Macao and Taiwan count in "countries and regions", never in "countries".
  is_region   boolean NOT NULL DEFAULT false,
  continent   text NOT NULL
);

CREATE TABLE reference_institutions (
  ref           text PRIMARY KEY,
  source        text NOT NULL,
  name          text NOT NULL,
  country_code  char(2) NOT NULL,
  city          text,
  website       text,
  domains       text[] NOT NULL DEFAULT '{}',
  erasmus_code  text,
  pic           text,
  search_text   text NOT NULL
);
CREATE INDEX reference_institutions_search ON reference_institutions USING gin (search_text gin_trgm_ops);

-- Our organization: schools, departments, affiliated hospitals, offices, as a tree.
CREATE TABLE units (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id   bigint REFERENCES units(id),
  code        text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('university','school','department','hospital','institute','office','centre')),
  name_en     text NOT NULL,
  name_zh     text NOT NULL,
  name_fr     text,
  search_text text NOT NULL DEFAULT '',
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE institutions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('university','hospital','research_institute','international_organization','foundation','government_body','association','company')),
  name_en       text NOT NULL,
  name_zh       text,
  name_fr       text,
  name_local    text,
  other_names   text[] NOT NULL DEFAULT '{}',
  country_code  char(2) NOT NULL REFERENCES countries(code),
  city          text,
  website       text,
  ror           text,
  schac         text,
  erasmus_code  text,
  pic           text,
  reference_ref text REFERENCES reference_institutions(ref),
  notes         text,
  search_text   text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institutions_search ON institutions USING gin (search_text gin_trgm_ops);
CREATE INDEX institutions_country ON institutions(country_code);
CREATE UNIQUE INDEX institutions_erasmus_code ON institutions(erasmus_code) WHERE erasmus_code IS NOT NULL;
CREATE UNIQUE INDEX institutions_ror ON institutions(ror) WHERE ror IS NOT NULL;

CREATE TABLE people (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  family_name     text NOT NULL,
  given_name      text,
  name_zh         text,
  other_names     text[] NOT NULL DEFAULT '{}',
  gender          text CHECK (gender IN ('female','male','other','unknown')),
  nationality     char(2) REFERENCES countries(code),
  institution_id  bigint REFERENCES institutions(id),
  title           text,
  email           text,
  -- The unit that owns the record; NULL = the international office. Coordinators see their unit's only.
  unit_id         bigint REFERENCES units(id),
  -- Personal data, AES-256-GCM ciphertext; never stored in clear.
  birth_date_enc  text,
  passport_enc    text,
  erased_at       timestamptz,
  notes           text,
  search_text     text NOT NULL DEFAULT '',
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_search ON people USING gin (search_text gin_trgm_ops);
CREATE INDEX people_unit ON people(unit_id);

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email          citext NOT NULL UNIQUE,
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin','officer','coordinator','leader','viewer')),
  unit_id        bigint REFERENCES units(id),
  locale         text NOT NULL DEFAULT 'en' CHECK (locale IN ('en','zh','fr')),
  password_hash  text NOT NULL,
  disabled       boolean NOT NULL DEFAULT false,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'coordinator') = (unit_id IS NOT NULL))
);

CREATE TABLE sessions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash    text NOT NULL UNIQUE,
  csrf_token    text NOT NULL,
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- Every write, in the same transaction as the change.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     bigint REFERENCES users(id),
  actor_label  text NOT NULL,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text NOT NULL,
  -- The unit the record belongs to, so that coordinators see only their unit's history.
  unit_id      bigint,
  before       jsonb,
  after        jsonb
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_unit ON audit_log(unit_id, id);

-- A unit and everything beneath it: the reach of a coordinator.
CREATE FUNCTION unit_subtree(root bigint) RETURNS SETOF bigint LANGUAGE sql STABLE AS $$
  WITH RECURSIVE t(id) AS (
    SELECT root
    UNION
    SELECT u.id FROM units u JOIN t ON u.parent_id = t.id
  )
  SELECT id FROM t
$$;

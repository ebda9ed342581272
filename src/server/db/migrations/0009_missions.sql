-- Outbound missions (因公出国/境): our staff going abroad for a conference, a friendly visit,
-- a tour of investigation, advanced study, lecturing or joint research. Requested by one of
-- our units, approved by the office (with its approval document number, 批件号), travelled,
-- then closed with a report due within 30 days of return. Each member of a travelled or
-- closed mission is one outbound staff person-time in the ledger, written by the missions
-- service in the same transaction. "Report overdue" is derived when read, never stored.

CREATE TABLE missions (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title_en              text NOT NULL,
  title_zh              text,
  -- Our unit that sends the mission; coordinators reach their unit's missions only.
  unit_id               bigint NOT NULL REFERENCES units(id),
  -- Also the ledger category of the members' person-times.
  purpose               text NOT NULL CHECK (purpose IN ('conference','friendly_visit','investigation_tour','advanced_study','lecturing','joint_research','other')),
  start_date            date NOT NULL,
  end_date              date NOT NULL,
  funding_source        text NOT NULL DEFAULT 'school' CHECK (funding_source IN ('school','research_grant','government','host','other')),
  -- The approval (批件) the office issues; required from approval on.
  approval_document_no  text,
  -- The host's letter of invitation, as its reference or date.
  invitation_reference  text,
  status                text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','approved','rejected','travelled','closed','cancelled')),
  requested_on          date NOT NULL,
  approved_on           date,
  rejected_on           date,
  travelled_on          date,
  closed_on             date,
  cancelled_on          date,
  -- The report on return, due within 30 days of the last day; submitted when the mission is closed.
  report                text,
  report_submitted_on   date,
  notes                 text,
  search_text           text NOT NULL DEFAULT '',
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  CHECK (status NOT IN ('approved','travelled','closed') OR (approval_document_no IS NOT NULL AND approval_document_no <> '')),
  CHECK (status <> 'closed' OR (report IS NOT NULL AND report <> '' AND report_submitted_on IS NOT NULL))
);
CREATE INDEX missions_unit ON missions(unit_id);
CREATE INDEX missions_status_end ON missions(status, end_date);
CREATE INDEX missions_start ON missions(start_date);
CREATE INDEX missions_search ON missions USING gin (search_text gin_trgm_ops);

-- Where the mission goes, in itinerary order: a country or region, and the host institution there if any.
CREATE TABLE mission_destinations (
  mission_id      bigint NOT NULL REFERENCES missions(id) ON DELETE CASCADE,
  position        integer NOT NULL,
  country_code    char(2) NOT NULL REFERENCES countries(code),
  institution_id  bigint REFERENCES institutions(id),
  PRIMARY KEY (mission_id, position)
);
CREATE INDEX mission_destinations_country ON mission_destinations(country_code);
CREATE INDEX mission_destinations_institution ON mission_destinations(institution_id);

-- Our staff on the mission, the leader first. A person is on a mission once.
CREATE TABLE mission_members (
  mission_id  bigint NOT NULL REFERENCES missions(id) ON DELETE CASCADE,
  person_id   bigint NOT NULL REFERENCES people(id),
  role        text NOT NULL DEFAULT 'member' CHECK (role IN ('leader','member','interpreter','secretary')),
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (mission_id, person_id)
);
CREATE INDEX mission_members_person ON mission_members(person_id);

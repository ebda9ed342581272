-- Erasmus Without Paper (issue 13): Outgoing Mobilities 3.0.0, served from our outbound exchange
-- applications once nominated. EWP names each mobility by an immutable identifier the sending
-- institution assigns (omobility-id): a uuid per application, given to existing rows too, never
-- changed (a different student is a different application, so a different id).
ALTER TABLE exchange_applications ADD COLUMN ewp_omobility_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX exchange_applications_ewp_omobility_id ON exchange_applications(ewp_omobility_id);

-- What a nomination must state and the office did not record before: the field of education of
-- the places offered (ISCED-F 2013, four digits: the agreement's cooperation condition), and the
-- student's own field and EQF level at departure. A nomination without them is not served.
ALTER TABLE exchange_opportunities ADD COLUMN isced_f_code text CHECK (isced_f_code ~ '^[0-9]{4}$');
ALTER TABLE exchange_applications ADD COLUMN isced_f_code text CHECK (isced_f_code ~ '^[0-9]{4}$');
ALTER TABLE exchange_applications ADD COLUMN eqf_level smallint CHECK (eqf_level BETWEEN 1 AND 8);

-- Erasmus Without Paper (issue 13): which of our data APIs answer partners once the office turns
-- EWP on (`ewp.enabled`, off by default). Each can be turned off on its own: an office may publish
-- its institution and factsheet before its agreements, or stop serving nominations. Discovery and
-- Echo are not listed: they answer whenever EWP is on, as the Registry needs them.
INSERT INTO settings (key, value) VALUES ('ewp.apis', '["institutions","organizational-units","factsheet","iias","omobilities"]');

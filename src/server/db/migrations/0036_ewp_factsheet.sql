-- What our Erasmus Without Paper Factsheet (1.2.0) and Institutions (2.2.0) APIs say beyond the
-- units tree (issue 13): the factsheet (deadlines per term, whom to ask about applying, housing,
-- visas and insurance) and the logo's https address, both empty until the office fills them in.
INSERT INTO settings (key, value) VALUES ('ewp.factsheet', 'null'), ('ewp.logoUrl', 'null');

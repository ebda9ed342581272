-- The catalogue marks entries already added (institutions.reference_ref), and ledger pages
-- are newest first across every direction.
CREATE INDEX institutions_reference_ref ON institutions(reference_ref) WHERE reference_ref IS NOT NULL;
CREATE INDEX ledger_start_id ON ledger(start_date DESC, id);

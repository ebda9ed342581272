-- A blind index of each person's passport number, and an import's undoing (issue 11). The index is an HMAC keyed with the server's
-- secret, so an import finds a visitor already on file by passport number without decrypting
-- anyone's. Rows written before it are indexed at start (people/passport-index.ts).
ALTER TABLE people ADD COLUMN passport_index text;
CREATE INDEX people_passport_index ON people(passport_index) WHERE passport_index IS NOT NULL;

-- An import undone as a whole (its created records deleted through their services): when and by whom.
ALTER TABLE imports ADD COLUMN undone_at timestamptz;
ALTER TABLE imports ADD COLUMN undone_by bigint REFERENCES users(id) ON DELETE SET NULL;

-- Erasmus Without Paper (issue 13), part 2: what an exchange agreement's yearly places mean as
-- the cooperation conditions of an EWP Interinstitutional Agreement (IIAs API 7.0.0). The places
-- per year say how many students and staff go each way; EWP also needs to know what the
-- student places are for (studies or traineeships) and the staff places (teaching or training),
-- and, for studies and teaching, the language skills recommended to those who go. None of it is
-- guessed: an agreement without them is not published to partners.
ALTER TABLE agreements
  ADD COLUMN student_mobility text CHECK (student_mobility IN ('studies','traineeship')),
  ADD COLUMN staff_mobility   text CHECK (staff_mobility IN ('teaching','training')),
  -- 'en' or 'en B2': an ISO 639-1 language, then optionally the CEFR level recommended.
  ADD COLUMN language_skills  text[] NOT NULL DEFAULT '{}';
-- The IIAs index's modified_since reads the agreements changed since a time.
CREATE INDEX agreements_updated ON agreements(updated_at);

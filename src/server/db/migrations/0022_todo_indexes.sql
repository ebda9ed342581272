-- The to-do list at scale (issue 12): each part of the list reads a kind's records in the
-- states that owe a decision, a report or a renewal, by the date its deadline counts from.
-- Visits and missions have had (status, end_date) since they were made, agreements (status);
-- conferences and appointments read every row without these (100 k conferences: 150 ms a
-- part). An expert's document is replaced by a later one of the same person and kind.
CREATE INDEX conferences_status_end ON conferences(status, end_date);
CREATE INDEX appointments_status_end ON appointments(status, end_date);
CREATE INDEX hospital_memoranda_status_expires ON hospital_memoranda(status, expires_on);
CREATE INDEX expert_documents_person_kind_expiry ON expert_documents(person_id, kind, expires_on);

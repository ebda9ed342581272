-- Records merged into another (issue 16): the merged row is deleted, its references moved to
-- the survivor; this row keeps the old id so that an old link finds where it went, and the
-- survivor's history includes the merged record's. A later merge of the survivor re-points
-- these rows, so each names the record that holds everything now.
CREATE TABLE record_merges (
  entity     text NOT NULL CHECK (entity IN ('institution', 'person')),
  merged_id  bigint NOT NULL,
  into_id    bigint NOT NULL,
  merged_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, merged_id)
);
CREATE INDEX record_merges_into ON record_merges(entity, into_id);

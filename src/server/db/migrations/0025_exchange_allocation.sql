-- Exchange places to allocate (issue 12): an opportunity keeps when its applications close and
-- when its places were allocated, so that the to-do list can say "applications are closed and
-- the places wait to be allocated" and drop the item the moment the allocation is done.
-- applications_close_on is the last day an application is taken (on or before the exchange
-- starts); allocated_on is written by the allocation (exchanges.service.ts#allocateOpportunity)
-- with the day it decided on. Both are NULL on the opportunities recorded before this.
ALTER TABLE exchange_opportunities ADD COLUMN applications_close_on date;
ALTER TABLE exchange_opportunities ADD COLUMN allocated_on date;
ALTER TABLE exchange_opportunities ADD CONSTRAINT exchange_opportunities_close_by_start
  CHECK (applications_close_on IS NULL OR starts_on IS NULL OR applications_close_on <= starts_on);
-- The to-do list reads the opportunities not yet allocated by their closing day.
CREATE INDEX exchange_opportunities_to_allocate ON exchange_opportunities(applications_close_on) WHERE allocated_on IS NULL;

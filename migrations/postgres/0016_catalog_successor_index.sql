-- An entry's page lists the entries it replaces (successor_id = the entry): without this index
-- that was a scan of the whole catalog (seconds at 1,000,000 entries; found by `make bench`).
CREATE INDEX catalog_successor ON catalog_entries (successor_id);

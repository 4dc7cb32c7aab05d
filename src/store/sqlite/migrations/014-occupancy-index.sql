-- The tab's occupancy board (issue 13; sqlite-queries.ts regionPlaceTotals, placeTalliesOf): every column the
-- counts read is in the index, so a region's or the company's totals count index entries (one seek per home and
-- status) instead of reading the wide place rows. At 10× (16,000 places) that is 1 ms where the GROUP BY over the
-- table took 5 ms and grew with it.
CREATE INDEX place_occupancy ON place (care_home_id, status, withdrawn_at, service_type, free_from);

-- The customer card's reserved and sold places (issue 11; sqlite-queries.ts placesOfCustomer): a customer's
-- few places straight off the index, where the one-column indexes of 002 would walk every place of a status.
CREATE INDEX place_reserved_for_customer ON place (reserved_for_customer_id, status);

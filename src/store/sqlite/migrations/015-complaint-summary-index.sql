-- The quality manager's complaint summary (issue 13, the tab) counts the complaints received in the last months by
-- home, severity and month and takes the median days to correction and to informing the customer: this partial
-- index holds exactly those columns of the complaints not withdrawn, by day received, so the summary reads the
-- period's range of the index alone instead of every complaint row (its free text included). At ten times the
-- company's size the company row's counts went from 1.5 ms to 0.6 ms and its medians from 4.2 ms to 2.8 ms.
CREATE INDEX complaint_live_received_handling ON complaint (received_date, care_home_id, severity, corrected_at, informed_at) WHERE withdrawn_at IS NULL;

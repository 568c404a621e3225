-- hub.deliveries is a queue: every row is inserted, updated two or three times within seconds and
-- then left alone. Its partial indexes (due, unfinished) fill with dead entries that every claim
-- walks past until a vacuum removes them; measured (hub bench deliveries), the submit-to-arrival
-- median went from 5 ms to 30 ms right after 20,000 deliveries, before autovacuum came round.
-- Vacuum it after 1 % of its rows changed (default 20 %), without the cost-based pauses.
ALTER TABLE hub.deliveries SET (
    autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
ALTER TABLE hub.inbound_messages SET (autovacuum_vacuum_scale_factor = 0.05);

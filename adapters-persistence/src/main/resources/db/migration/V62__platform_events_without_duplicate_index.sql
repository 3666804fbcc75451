-- platform: events_aggregate_ix (V10) has the columns of V6's unique constraint events_aggregate_sequence_uk, in the
-- same order, so the constraint's own index already serves the feed's aggregate filter. Every event written (each
-- command, each seeded user) maintained both; now one.
DROP INDEX IF EXISTS events_aggregate_ix;

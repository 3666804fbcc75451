-- Rollback of V62__platform_events_without_duplicate_index.sql. Not run by Flyway; apply by hand (or `./strata db`) in
-- reverse order. Puts back V10's second index on the aggregate columns. Also forgets the migration in Flyway's
-- history so that `migrate` applies it again.

CREATE INDEX IF NOT EXISTS events_aggregate_ix ON events (aggregate_type, aggregate_id, sequence);

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '62';
    END IF;
END
$$;

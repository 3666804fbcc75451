-- Rollback of V25__content_postgres_blob_store.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse
-- order. Also forgets the migration in Flyway's history so that `migrate` applies it again.
-- Drops the PostgreSQL store's bytes: switch to STRATA_BLOB_STORE=filesystem (and copy the blobs out) first.

DROP TABLE IF EXISTS content_uploads;
DROP TABLE IF EXISTS content_blob_digests;
DROP TABLE IF EXISTS content_blob_chunks;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '25';
    END IF;
END
$$;

-- Rollback of V20__content_files_blobs.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.
-- pg_trgm belongs to V1 and stays. The blob bytes (STRATA_DATA_DIR/blobs) are not touched.

DROP TABLE IF EXISTS content_files;
DROP TABLE IF EXISTS content_blobs;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '20';
    END IF;
END
$$;

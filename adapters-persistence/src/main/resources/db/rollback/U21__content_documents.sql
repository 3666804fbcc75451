-- Rollback of V21__content_documents.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again. pg_trgm belongs to V1 and stays.

DROP TABLE IF EXISTS content_document_shares;
DROP TABLE IF EXISTS content_document_revisions;
DROP TABLE IF EXISTS content_documents;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '21';
    END IF;
END
$$;

-- Rollback of V26__content_row_level_security.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse
-- order. Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP POLICY IF EXISTS content_document_shares_owner ON content_document_shares;
DROP POLICY IF EXISTS content_document_shares_holder ON content_document_shares;
ALTER TABLE content_document_shares NO FORCE ROW LEVEL SECURITY;
ALTER TABLE content_document_shares DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS content_document_revisions_purge ON content_document_revisions;
DROP POLICY IF EXISTS content_document_revisions_owner ON content_document_revisions;
DROP POLICY IF EXISTS content_document_revisions_append ON content_document_revisions;
DROP POLICY IF EXISTS content_document_revisions_read ON content_document_revisions;
ALTER TABLE content_document_revisions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE content_document_revisions DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS content_documents_purge ON content_documents;
DROP POLICY IF EXISTS content_documents_create ON content_documents;
DROP POLICY IF EXISTS content_documents_edit ON content_documents;
DROP POLICY IF EXISTS content_documents_read ON content_documents;
ALTER TABLE content_documents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE content_documents DISABLE ROW LEVEL SECURITY;
DROP FUNCTION IF EXISTS content_document_owned_by(uuid, uuid);
DROP FUNCTION IF EXISTS content_files_count_download(uuid);
DROP POLICY IF EXISTS content_files_owner ON content_files;
DROP POLICY IF EXISTS content_files_read ON content_files;
ALTER TABLE content_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE content_files DISABLE ROW LEVEL SECURITY;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '26';
    END IF;
END
$$;

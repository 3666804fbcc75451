-- content: row-level security (the pattern and the settings: V60__platform_row_level_security.sql). The rules are
-- those of FileAccess and DocumentGuard; SYSTEM (jobs, db commands) and ADMIN see and change everything.
-- content_blobs, content_blob_chunks and content_blob_digests stay exempt (shared across owners by digest).

-- content_files: the owner's; a live PUBLIC file is read by anyone signed in; only the owner changes it.
ALTER TABLE content_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE content_files FORCE ROW LEVEL SECURITY;
CREATE POLICY content_files_read ON content_files FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR (visibility = 'PUBLIC' AND deleted_at IS NULL AND (SELECT current_setting('strata.role', true)) <> ''));
CREATE POLICY content_files_owner ON content_files
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- A download of a PUBLIC file by another user counts on the owner's row, which that user may not write: the
-- count (and nothing else) goes through this function, as SYSTEM. The use case has authorized the download.
CREATE FUNCTION content_files_count_download(file uuid) RETURNS integer
    LANGUAGE sql VOLATILE SET search_path FROM CURRENT SET strata.role = 'SYSTEM' AS $$
    WITH counted AS (UPDATE content_files SET download_count = download_count + 1 WHERE id = file RETURNING 1)
    SELECT count(*)::integer FROM counted
$$;

-- Whether member owns the document: read as SYSTEM, so that the shares' policy can ask it without reading
-- content_documents under its own policy (which reads the shares: PostgreSQL refuses that recursion). FORCE binds
-- the tables' owner too, so SECURITY DEFINER would not lift the policies; the SET clause does, for this query only.
CREATE FUNCTION content_document_owned_by(document uuid, member uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path FROM CURRENT SET strata.role = 'SYSTEM' AS $$
    SELECT EXISTS (SELECT 1 FROM content_documents WHERE id = document AND owner_id = member)
$$;

-- content_documents: the owner's; a live document is read by the users it is shared with (a live share that has
-- not expired) and changed by those whose share is EDIT; only the owner creates and deletes.
ALTER TABLE content_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE content_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY content_documents_read ON content_documents FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR (deleted_at IS NULL
               AND EXISTS (SELECT 1 FROM content_document_shares s
                           WHERE s.document_id = content_documents.id
                             AND s.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                             AND s.deleted_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()))));
CREATE POLICY content_documents_edit ON content_documents FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR (deleted_at IS NULL
               AND EXISTS (SELECT 1 FROM content_document_shares s
                           WHERE s.document_id = content_documents.id
                             AND s.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                             AND s.permission = 'EDIT'
                             AND s.deleted_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()))));
CREATE POLICY content_documents_create ON content_documents FOR INSERT
    WITH CHECK ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
                OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY content_documents_purge ON content_documents FOR DELETE
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- content_document_revisions: those of a readable document (the documents' policy applies inside), deleted ones
-- only for its owner; appended by whoever may change the document; hidden and shown again by its owner.
ALTER TABLE content_document_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE content_document_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY content_document_revisions_read ON content_document_revisions FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM content_documents d
                      WHERE d.id = content_document_revisions.document_id
                        AND (content_document_revisions.deleted_at IS NULL
                             OR d.owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid))));
CREATE POLICY content_document_revisions_append ON content_document_revisions FOR INSERT
    WITH CHECK ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
                OR EXISTS (SELECT 1 FROM content_documents d
                           WHERE d.id = content_document_revisions.document_id
                             AND (d.owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                                  OR (d.deleted_at IS NULL
                                      AND EXISTS (SELECT 1 FROM content_document_shares s
                                                  WHERE s.document_id = d.id
                                                    AND s.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                                                    AND s.permission = 'EDIT' AND s.deleted_at IS NULL
                                                    AND (s.expires_at IS NULL OR s.expires_at > now()))))));
CREATE POLICY content_document_revisions_owner ON content_document_revisions FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM content_documents d
                      WHERE d.id = content_document_revisions.document_id
                        AND d.owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
CREATE POLICY content_document_revisions_purge ON content_document_revisions FOR DELETE
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM content_documents d
                      WHERE d.id = content_document_revisions.document_id
                        AND d.owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- content_document_shares: the share source the documents' policy reads, so its own policy asks the owner through
-- content_document_owned_by: the owner reads and writes the document's shares, a user reads the shares they hold.
ALTER TABLE content_document_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE content_document_shares FORCE ROW LEVEL SECURITY;
CREATE POLICY content_document_shares_holder ON content_document_shares FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY content_document_shares_owner ON content_document_shares
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR content_document_owned_by(document_id, (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- content: documents, their revisions (an audit log) and their shares.
-- revision is bigint although the domain counts in int: list filters bind any 64-bit number a client sends.
-- Soft delete: deleted_at + deletion_id on every row; one delete hides the document with its live revisions
-- and shares under one deletion_id, and restore clears exactly that id. Uniqueness holds among live rows only.

CREATE TABLE content_documents (
    id              uuid          PRIMARY KEY,
    version         bigint        NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    owner_id        uuid          NOT NULL,
    title           text          NOT NULL,
    kind            text          NOT NULL,
    content         jsonb         NOT NULL,
    revision        bigint        NOT NULL,
    deleted_at      timestamptz,
    deletion_id     uuid,
    search_text     text GENERATED ALWAYS AS (lower(title)) STORED,
    CONSTRAINT content_documents_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT content_documents_title_ck CHECK (length(title) BETWEEN 1 AND 200),
    CONSTRAINT content_documents_kind_ck CHECK (kind IN ('TEXT', 'SPREADSHEET', 'PRESENTATION')),
    CONSTRAINT content_documents_content_ck CHECK (jsonb_typeof(content) = 'object'),
    CONSTRAINT content_documents_revision_ck CHECK (revision >= 1),
    CONSTRAINT content_documents_deletion_ck CHECK ((deleted_at IS NULL) = (deletion_id IS NULL))
);
-- an owner's live documents have distinct titles (case-insensitive); deleted ones do not count
CREATE UNIQUE INDEX content_documents_owner_title_ux ON content_documents (owner_id, lower(title))
    WHERE deleted_at IS NULL;
-- "my documents" pages: scoped by owner, one index per sortable key
CREATE INDEX content_documents_owner_updated_ix ON content_documents (owner_id, updated_at, id);
CREATE INDEX content_documents_owner_created_ix ON content_documents (owner_id, created_at, id);
CREATE INDEX content_documents_owner_title_ix ON content_documents (owner_id, title, id);
CREATE INDEX content_documents_updated_ix ON content_documents (updated_at, id);
CREATE INDEX content_documents_created_ix ON content_documents (created_at, id);
CREATE INDEX content_documents_title_ix ON content_documents (title, id);
CREATE INDEX content_documents_search_text_trgm_ix ON content_documents USING gin (search_text gin_trgm_ops);

-- Every revision, complete. author_id has no foreign key on purpose: the history keeps the id of an author
-- whose account was deleted later (an audit log must not change, nor block that deletion).
CREATE TABLE content_document_revisions (
    id              uuid          PRIMARY KEY,
    document_id     uuid          NOT NULL,
    revision        bigint        NOT NULL,
    title           text          NOT NULL,
    content         jsonb         NOT NULL,
    author_id       uuid          NOT NULL,
    created_at      timestamptz   NOT NULL,
    deleted_at      timestamptz,
    deletion_id     uuid,
    CONSTRAINT content_document_revisions_document_fk FOREIGN KEY (document_id)
        REFERENCES content_documents (id) ON DELETE CASCADE,
    CONSTRAINT content_document_revisions_revision_ck CHECK (revision >= 1),
    CONSTRAINT content_document_revisions_content_ck CHECK (jsonb_typeof(content) = 'object'),
    CONSTRAINT content_document_revisions_deletion_ck CHECK ((deleted_at IS NULL) = (deletion_id IS NULL))
);
-- revision numbers are never reused, deleted or not
CREATE UNIQUE INDEX content_document_revisions_number_ux ON content_document_revisions (document_id, revision);
CREATE INDEX content_document_revisions_created_ix ON content_document_revisions (document_id, created_at, id);
CREATE INDEX content_document_revisions_deletion_ix ON content_document_revisions (document_id, deletion_id)
    WHERE deletion_id IS NOT NULL;

-- Shares; written as the document's collection (a change of the shares is a change of the document).
CREATE TABLE content_document_shares (
    document_id     uuid          NOT NULL,
    user_id         uuid          NOT NULL,
    permission      text          NOT NULL,
    expires_at      timestamptz,
    shared_at       timestamptz   NOT NULL,
    deleted_at      timestamptz,
    deletion_id     uuid,
    CONSTRAINT content_document_shares_document_fk FOREIGN KEY (document_id)
        REFERENCES content_documents (id) ON DELETE CASCADE,
    -- a share with a user goes with the user
    CONSTRAINT content_document_shares_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT content_document_shares_permission_ck CHECK (permission IN ('VIEW', 'EDIT')),
    CONSTRAINT content_document_shares_deletion_ck CHECK ((deleted_at IS NULL) = (deletion_id IS NULL))
);
-- one live share per user and document; unshared (deleted) rows do not count
CREATE UNIQUE INDEX content_document_shares_live_ux ON content_document_shares (document_id, user_id)
    WHERE deleted_at IS NULL;
-- "shared with me": the live shares of a user
CREATE INDEX content_document_shares_user_ix ON content_document_shares (user_id, document_id)
    WHERE deleted_at IS NULL;
CREATE INDEX content_document_shares_document_ix ON content_document_shares (document_id);

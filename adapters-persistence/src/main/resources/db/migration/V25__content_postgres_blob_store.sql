-- content: the PostgreSQL blob store (STRATA_BLOB_STORE=postgres) and resumable (tus) uploads.

-- A byte sequence in the PostgreSQL store, as rows of at most 1 MiB (pos = the offset of the row's first byte).
-- Staged bytes (an upload being streamed in, a resumable upload's partial bytes) are chunks of an object that no
-- digest names yet: nothing can read them. Storage EXTERNAL: chunks are kept uncompressed (most uploads are
-- compressed formats already), which also spares the CPU.
CREATE TABLE content_blob_chunks (
    object_id   uuid         NOT NULL,
    pos         bigint       NOT NULL,
    bytes       bytea        NOT NULL,
    written_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (object_id, pos),
    CONSTRAINT content_blob_chunks_pos_ck CHECK (pos >= 0),
    CONSTRAINT content_blob_chunks_size_ck CHECK (octet_length(bytes) <= 1048576)
);
ALTER TABLE content_blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- The addressable blobs of the PostgreSQL store: a digest names a complete object (promotion inserts this row, in
-- the transaction that takes the first reference, so a half-written object is never addressable).
CREATE TABLE content_blob_digests (
    sha256      char(64)     PRIMARY KEY,
    object_id   uuid         NOT NULL UNIQUE,
    size_bytes  bigint       NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT content_blob_digests_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT content_blob_digests_size_ck CHECK (size_bytes >= 0)
);

-- A resumable upload (tus 1.0): who created it, how long it will be, its metadata; its partial bytes live in the
-- blob store's staging area under the same id. Completed: the row goes and a content_files row takes its place.
CREATE TABLE content_uploads (
    id           uuid          PRIMARY KEY,
    owner_id     uuid          NOT NULL,
    length_bytes bigint        NOT NULL,
    file_name    text          NOT NULL,
    mime_type    text          NOT NULL,
    visibility   text          NOT NULL,
    created_at   timestamptz   NOT NULL,
    expires_at   timestamptz   NOT NULL,
    CONSTRAINT content_uploads_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT content_uploads_length_ck CHECK (length_bytes >= 0),
    CONSTRAINT content_uploads_visibility_ck CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    CONSTRAINT content_uploads_name_ck CHECK (length(file_name) BETWEEN 1 AND 255)
);
CREATE INDEX content_uploads_expires_ix ON content_uploads (expires_at);

-- Only the creator (and ADMIN, SYSTEM: the expiry sweeper) sees an upload.
ALTER TABLE content_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE content_uploads FORCE ROW LEVEL SECURITY;
CREATE POLICY content_uploads_owner ON content_uploads
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

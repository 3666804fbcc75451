-- content: blobs (content-addressed bytes, reference counted) and the files that use them.

-- One row per stored content. reference_count changes in the transaction of the file row that takes or drops
-- the reference; zero_since says since when nothing refers to it (the sweeper waits a grace period after it).
CREATE TABLE content_blobs (
    sha256          char(64)     PRIMARY KEY,
    size_bytes      bigint       NOT NULL,
    reference_count bigint       NOT NULL,
    zero_since      timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT content_blobs_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT content_blobs_size_ck CHECK (size_bytes >= 0),
    CONSTRAINT content_blobs_count_ck CHECK (reference_count >= 0),
    CONSTRAINT content_blobs_zero_since_ck CHECK ((reference_count = 0) = (zero_since IS NOT NULL))
);
CREATE INDEX content_blobs_unreferenced_ix ON content_blobs (zero_since) WHERE reference_count = 0;

CREATE TABLE content_files (
    id              uuid          PRIMARY KEY,
    version         bigint        NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    owner_id        uuid          NOT NULL,
    name            text          NOT NULL,
    mime_type       text          NOT NULL,
    size_bytes      bigint        NOT NULL,
    sha256          char(64)      NOT NULL,
    visibility      text          NOT NULL,
    download_count  bigint        NOT NULL DEFAULT 0,
    deleted_at      timestamptz,
    deletion_id     uuid,
    search_text     text GENERATED ALWAYS AS (lower(name)) STORED,
    CONSTRAINT content_files_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    -- a file row never outlives its blob row: purge releases the reference in the same transaction
    CONSTRAINT content_files_blob_fk FOREIGN KEY (sha256) REFERENCES content_blobs (sha256) ON DELETE RESTRICT,
    CONSTRAINT content_files_name_ck CHECK (length(name) BETWEEN 1 AND 255),
    CONSTRAINT content_files_size_ck CHECK (size_bytes >= 0),
    CONSTRAINT content_files_downloads_ck CHECK (download_count >= 0),
    CONSTRAINT content_files_visibility_ck CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    CONSTRAINT content_files_deletion_ck CHECK ((deleted_at IS NULL) = (deletion_id IS NULL))
);
-- "my files" pages: scoped by owner, one index per sortable key
CREATE INDEX content_files_owner_created_ix ON content_files (owner_id, created_at, id);
CREATE INDEX content_files_owner_updated_ix ON content_files (owner_id, updated_at, id);
CREATE INDEX content_files_owner_name_ix ON content_files (owner_id, name, id);
CREATE INDEX content_files_owner_size_ix ON content_files (owner_id, size_bytes, id);
CREATE INDEX content_files_sha256_ix ON content_files (sha256);
CREATE INDEX content_files_deletion_ix ON content_files (deletion_id) WHERE deletion_id IS NOT NULL;
CREATE INDEX content_files_search_text_trgm_ix ON content_files USING gin (search_text gin_trgm_ops);

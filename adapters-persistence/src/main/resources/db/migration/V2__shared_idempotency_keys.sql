-- shared: responses remembered per Idempotency-Key (scoped per caller) so a retried POST returns the first result.

CREATE TABLE idempotency_keys (
    scope                 text        NOT NULL,
    key                   text        NOT NULL,
    request_hash          text        NOT NULL,
    status                text        NOT NULL,
    response_status       integer,
    response_content_type text,
    response_body         bytea,
    response_headers      jsonb,
    created_at            timestamptz NOT NULL,
    completed_at          timestamptz,
    expires_at            timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, key),
    CONSTRAINT idempotency_keys_scope_ck CHECK (length(scope) BETWEEN 1 AND 200),
    CONSTRAINT idempotency_keys_key_ck CHECK (length(key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_status_ck CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    CONSTRAINT idempotency_keys_response_ck CHECK (
        status = 'IN_PROGRESS' OR (response_status BETWEEN 100 AND 599 AND completed_at IS NOT NULL)),
    CONSTRAINT idempotency_keys_headers_ck CHECK (response_headers IS NULL OR jsonb_typeof(response_headers) = 'object'),
    CONSTRAINT idempotency_keys_expiry_ck CHECK (expires_at > created_at)
);

CREATE INDEX idempotency_keys_expires_at_ix ON idempotency_keys (expires_at);

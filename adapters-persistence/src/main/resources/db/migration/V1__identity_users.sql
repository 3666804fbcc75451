-- identity: users, their profiles, login sessions and failed-login records.
-- The database guards the same invariants as the domain (User, Username, Email, Tags, Preferences, Session).

-- trigram indexes for the free-text search ("q") over username, e-mail and name (trusted extension, PG 13+)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
    id                  uuid        NOT NULL,
    email               text        NOT NULL,
    username            text        NOT NULL,
    first_name          text,
    last_name           text,
    password_hash       text        NOT NULL,
    role                text        NOT NULL,
    status              text        NOT NULL,
    email_verified      boolean     NOT NULL DEFAULT false,
    email_verified_at   timestamptz,
    password_changed_at timestamptz,
    last_login_at       timestamptz,
    login_count         bigint      NOT NULL DEFAULT 0,
    tags                text[]      NOT NULL DEFAULT '{}',
    preferences         jsonb       NOT NULL DEFAULT '{}',
    -- what "q" searches: lower-cased username, e-mail, first and last name (kept by PostgreSQL)
    search_text         text GENERATED ALWAYS AS (
                            lower(username || ' ' || email || ' ' || coalesce(first_name, '') || ' '
                                  || coalesce(last_name, ''))) STORED,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_email_lower_ck CHECK (email = lower(email)),
    CONSTRAINT users_email_shape_ck CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    CONSTRAINT users_username_ck CHECK (username ~ '^[a-z0-9_.-]{3,50}$'),
    CONSTRAINT users_first_name_ck CHECK (length(first_name) <= 100),
    CONSTRAINT users_last_name_ck CHECK (length(last_name) <= 100),
    CONSTRAINT users_role_ck CHECK (role IN ('ADMIN', 'MANAGER', 'USER', 'GUEST')),
    CONSTRAINT users_status_ck CHECK (status IN ('ACTIVE', 'INACTIVE')),
    CONSTRAINT users_email_verified_ck CHECK (email_verified = (email_verified_at IS NOT NULL)),
    CONSTRAINT users_login_count_ck CHECK (login_count >= 0),
    CONSTRAINT users_tags_ck CHECK (cardinality(tags) <= 50 AND array_position(tags, NULL) IS NULL),
    CONSTRAINT users_preferences_ck CHECK (jsonb_typeof(preferences) = 'object'),
    CONSTRAINT users_version_ck CHECK (version >= 0),
    CONSTRAINT users_updated_at_ck CHECK (updated_at >= created_at)
);

-- uniqueness (case-insensitive e-mail; the adapter maps these names to ConflictException)
CREATE UNIQUE INDEX users_email_uk ON users (lower(email));
CREATE UNIQUE INDEX users_username_uk ON users (username);

-- keyset paging: every sortable field of UserSearch.SCHEMA with the id as tie-breaker
CREATE INDEX users_created_at_id_ix ON users (created_at, id);
CREATE INDEX users_username_id_ix ON users (username, id);
CREATE INDEX users_email_id_ix ON users (email, id);
CREATE INDEX users_last_login_at_id_ix ON users (last_login_at, id);                                -- asc, nulls last
CREATE INDEX users_last_login_at_desc_id_ix ON users (last_login_at DESC NULLS LAST, id DESC);       -- desc, nulls last

-- filters: tag containment (tags @> '{a,b}'), free text (search_text LIKE '%...%')
CREATE INDEX users_tags_gin_ix ON users USING gin (tags);
CREATE INDEX users_search_text_trgm_ix ON users USING gin (search_text gin_trgm_ops);

CREATE TABLE user_profiles (
    id          uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    bio         text,
    avatar_url  text,
    preferences jsonb       NOT NULL DEFAULT '{}',
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT user_profiles_pk PRIMARY KEY (id),
    CONSTRAINT user_profiles_user_uk UNIQUE (user_id),
    CONSTRAINT user_profiles_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT user_profiles_bio_ck CHECK (length(bio) <= 2000),
    CONSTRAINT user_profiles_avatar_url_ck CHECK (length(avatar_url) <= 2048 AND avatar_url ~* '^https?://'),
    CONSTRAINT user_profiles_preferences_ck CHECK (jsonb_typeof(preferences) = 'object'),
    CONSTRAINT user_profiles_version_ck CHECK (version >= 0)
);

CREATE TABLE sessions (
    id           uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    token_hash   char(64)    NOT NULL,
    device_info  jsonb       NOT NULL DEFAULT '{}',
    ip_address   inet,
    user_agent   text,
    expires_at   timestamptz NOT NULL,
    last_seen_at timestamptz,
    revoked_at   timestamptz,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT sessions_token_hash_ck CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sessions_device_info_ck CHECK (jsonb_typeof(device_info) = 'object'),
    CONSTRAINT sessions_user_agent_ck CHECK (length(user_agent) <= 512),
    CONSTRAINT sessions_expiry_ck CHECK (expires_at > created_at),
    CONSTRAINT sessions_version_ck CHECK (version >= 0)
);

-- "my active sessions" and "revoke all my other sessions"
CREATE INDEX sessions_user_active_ix ON sessions (user_id, created_at DESC) WHERE revoked_at IS NULL;
-- FK lookups on delete of a user, and clean-up of expired sessions
CREATE INDEX sessions_user_ix ON sessions (user_id);
CREATE INDEX sessions_expires_at_ix ON sessions (expires_at);

-- failed logins per key (an account or an IP address), counted in a sliding window for throttling
CREATE TABLE login_failures (
    id        bigint GENERATED ALWAYS AS IDENTITY,
    key       text        NOT NULL,
    failed_at timestamptz NOT NULL,
    CONSTRAINT login_failures_pk PRIMARY KEY (id),
    CONSTRAINT login_failures_key_ck CHECK (length(key) BETWEEN 1 AND 320)
);

CREATE INDEX login_failures_key_failed_at_ix ON login_failures (key, failed_at);
CREATE INDEX login_failures_failed_at_ix ON login_failures (failed_at);

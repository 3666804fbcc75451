-- community: guilds (with their one config row), members with points and activity, the points ledger and
-- moderation cases (issue 13). Guilds and members are known to clients by the chat platform's ids
-- (external_id, external_user_id); our uuids stay internal.
CREATE TABLE community_guilds (
    id          uuid        NOT NULL,
    external_id bigint      NOT NULL,
    name        text,
    prefix      text        NOT NULL,
    settings    jsonb       NOT NULL,
    max_points  bigint      NOT NULL,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT community_guilds_pk PRIMARY KEY (id),
    CONSTRAINT community_guilds_external_id_uk UNIQUE (external_id),
    CONSTRAINT community_guilds_external_id_ck CHECK (external_id > 0),
    CONSTRAINT community_guilds_prefix_ck CHECK (length(prefix) BETWEEN 1 AND 16),
    CONSTRAINT community_guilds_settings_ck CHECK (jsonb_typeof(settings) = 'object'),
    CONSTRAINT community_guilds_max_points_ck CHECK (max_points > 0)
);

-- points: changed only together with a ledger row (community_points_transfers) in one transaction, so the
-- ledger replays to it; never below 0 (the upper bound, the guild's max_points, is checked under the row lock).
CREATE TABLE community_members (
    id               uuid        NOT NULL,
    guild_id         uuid        NOT NULL,
    external_user_id bigint      NOT NULL,
    username         text        NOT NULL,
    points           bigint      NOT NULL DEFAULT 0,
    message_count    bigint      NOT NULL DEFAULT 0,
    last_active_at   timestamptz,
    active           boolean     NOT NULL DEFAULT true,
    version          bigint      NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT community_members_pk PRIMARY KEY (id),
    CONSTRAINT community_members_guild_fk FOREIGN KEY (guild_id) REFERENCES community_guilds (id) ON DELETE CASCADE,
    CONSTRAINT community_members_guild_user_uk UNIQUE (guild_id, external_user_id),
    CONSTRAINT community_members_external_user_id_ck CHECK (external_user_id > 0),
    CONSTRAINT community_members_points_ck CHECK (points >= 0),
    CONSTRAINT community_members_message_count_ck CHECK (message_count >= 0)
);
CREATE INDEX community_members_points_ix ON community_members (guild_id, points, id);
CREATE INDEX community_members_message_count_ix ON community_members (guild_id, message_count, id);
CREATE INDEX community_members_created_at_ix ON community_members (guild_id, created_at, id);

-- The ledger: one row per movement of points, debit and credit in the same row (from -> to); a NULL side is the
-- guild's own account (adjustments). id is chosen by the client, unique per guild, so a retry finds its first
-- result. Rows are never updated or deleted (trigger), except with their guild.
CREATE TABLE community_points_transfers (
    guild_id           uuid        NOT NULL,
    id                 uuid        NOT NULL,
    from_member_id     uuid,
    to_member_id       uuid,
    amount             bigint      NOT NULL,
    reason             text,
    from_balance_after bigint,
    to_balance_after   bigint,
    created_at         timestamptz NOT NULL,
    CONSTRAINT community_points_transfers_pk PRIMARY KEY (guild_id, id),
    CONSTRAINT community_points_transfers_guild_fk FOREIGN KEY (guild_id) REFERENCES community_guilds (id)
        ON DELETE CASCADE,
    CONSTRAINT community_points_transfers_from_fk FOREIGN KEY (from_member_id) REFERENCES community_members (id)
        ON DELETE CASCADE,
    CONSTRAINT community_points_transfers_to_fk FOREIGN KEY (to_member_id) REFERENCES community_members (id)
        ON DELETE CASCADE,
    CONSTRAINT community_points_transfers_amount_ck CHECK (amount > 0),
    CONSTRAINT community_points_transfers_sides_ck CHECK (
        (from_member_id IS NOT NULL OR to_member_id IS NOT NULL) AND from_member_id IS DISTINCT FROM to_member_id)
);
CREATE INDEX community_points_transfers_from_ix ON community_points_transfers (from_member_id, created_at);
CREATE INDEX community_points_transfers_to_ix ON community_points_transfers (to_member_id, created_at);

CREATE FUNCTION community_points_transfers_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD; -- a cascade from the guild or member being deleted
    END IF;
    RAISE EXCEPTION 'the points ledger is append-only' USING ERRCODE = '55000';
END
$$;
CREATE TRIGGER community_points_transfers_immutable BEFORE UPDATE OR DELETE ON community_points_transfers
    FOR EACH ROW EXECUTE FUNCTION community_points_transfers_immutable();

-- Case numbers: the guild's counter row is locked by the UPDATE that takes the next number, so numbers are
-- handed out one at a time and a rolled-back case gives its number back (no gaps, no duplicates).
CREATE TABLE community_case_counters (
    guild_id    uuid    NOT NULL,
    last_number bigint  NOT NULL,
    CONSTRAINT community_case_counters_pk PRIMARY KEY (guild_id),
    CONSTRAINT community_case_counters_guild_fk FOREIGN KEY (guild_id) REFERENCES community_guilds (id)
        ON DELETE CASCADE
);

CREATE TABLE community_cases (
    id                    uuid        NOT NULL,
    guild_id              uuid        NOT NULL,
    number                bigint      NOT NULL,
    member_id             uuid        NOT NULL,
    member_external_id    bigint      NOT NULL,
    type                  text        NOT NULL,
    reason                text,
    moderator_external_id bigint      NOT NULL,
    active                boolean     NOT NULL,
    expires_at            timestamptz,
    resolved_at           timestamptz,
    version               bigint      NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT community_cases_pk PRIMARY KEY (id),
    CONSTRAINT community_cases_guild_fk FOREIGN KEY (guild_id) REFERENCES community_guilds (id) ON DELETE CASCADE,
    CONSTRAINT community_cases_member_fk FOREIGN KEY (member_id) REFERENCES community_members (id)
        ON DELETE CASCADE,
    CONSTRAINT community_cases_guild_number_uk UNIQUE (guild_id, number),
    CONSTRAINT community_cases_number_ck CHECK (number > 0),
    CONSTRAINT community_cases_type_ck CHECK (type IN ('WARN', 'MUTE', 'KICK', 'BAN', 'NOTE')),
    CONSTRAINT community_cases_moderator_external_id_ck CHECK (moderator_external_id > 0),
    CONSTRAINT community_cases_resolved_ck CHECK (active = (resolved_at IS NULL))
);
CREATE INDEX community_cases_member_ix ON community_cases (member_id, number);
CREATE INDEX community_cases_member_external_ix ON community_cases (guild_id, member_external_id, number);
CREATE INDEX community_cases_moderator_ix ON community_cases (guild_id, moderator_external_id, number);
CREATE INDEX community_cases_active_ix ON community_cases (guild_id, member_id) WHERE active;

-- Every reason a case had, oldest first (revision 1 is the reason it was opened with).
CREATE TABLE community_case_reasons (
    case_id    uuid        NOT NULL,
    revision   integer     NOT NULL,
    reason     text,
    edited_by  bigint      NOT NULL,
    edited_at  timestamptz NOT NULL,
    CONSTRAINT community_case_reasons_pk PRIMARY KEY (case_id, revision),
    CONSTRAINT community_case_reasons_case_fk FOREIGN KEY (case_id) REFERENCES community_cases (id)
        ON DELETE CASCADE
);

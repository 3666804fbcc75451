-- messaging: chat rooms with their members, the messages of a room and the edit history of a message.
-- last_change numbers every change of a room's messages (post, edit, delete); a message keeps the number
-- of its post (posted_change) and of its latest change (change), which is what polling "since" reads.

CREATE TABLE chat_rooms (
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    creator_id  uuid        NOT NULL,
    last_change bigint      NOT NULL DEFAULT 0,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT chat_rooms_pk PRIMARY KEY (id),
    -- a user's rooms go with the user
    CONSTRAINT chat_rooms_creator_fk FOREIGN KEY (creator_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chat_rooms_name_ck CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT chat_rooms_last_change_ck CHECK (last_change >= 0),
    CONSTRAINT chat_rooms_version_ck CHECK (version >= 0),
    CONSTRAINT chat_rooms_updated_at_ck CHECK (updated_at >= created_at)
);

CREATE INDEX chat_rooms_creator_ix ON chat_rooms (creator_id);

CREATE TABLE chat_room_members (
    room_id uuid NOT NULL,
    user_id uuid NOT NULL,
    CONSTRAINT chat_room_members_pk PRIMARY KEY (room_id, user_id),
    CONSTRAINT chat_room_members_room_fk FOREIGN KEY (room_id) REFERENCES chat_rooms (id) ON DELETE CASCADE,
    CONSTRAINT chat_room_members_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- "my rooms" and the cascade when a user is deleted
CREATE INDEX chat_room_members_user_ix ON chat_room_members (user_id, room_id);

CREATE TABLE chat_messages (
    id            uuid        NOT NULL,
    room_id       uuid        NOT NULL,
    sender_id     uuid        NOT NULL,
    content       text,
    reply_to_id   uuid,
    attachments   uuid[]      NOT NULL DEFAULT '{}',
    edited_at     timestamptz,
    deleted_at    timestamptz,
    posted_change bigint      NOT NULL,
    change        bigint      NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT chat_messages_pk PRIMARY KEY (id),
    CONSTRAINT chat_messages_room_fk FOREIGN KEY (room_id) REFERENCES chat_rooms (id) ON DELETE CASCADE,
    CONSTRAINT chat_messages_sender_fk FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chat_messages_reply_to_fk FOREIGN KEY (reply_to_id) REFERENCES chat_messages (id) ON DELETE CASCADE,
    -- a deleted message has no content; a live one has 1..10000 characters
    CONSTRAINT chat_messages_content_ck CHECK (
        (deleted_at IS NULL AND length(content) BETWEEN 1 AND 10000)
        OR (deleted_at IS NOT NULL AND content IS NULL AND cardinality(attachments) = 0)),
    CONSTRAINT chat_messages_attachments_ck CHECK (
        cardinality(attachments) <= 20 AND array_position(attachments, NULL) IS NULL),
    CONSTRAINT chat_messages_change_ck CHECK (change >= posted_change AND posted_change > 0),
    CONSTRAINT chat_messages_version_ck CHECK (version >= 0),
    CONSTRAINT chat_messages_updated_at_ck CHECK (updated_at >= created_at)
);

-- history: keyset on (created_at, id) within a room, both directions
CREATE INDEX chat_messages_room_created_at_ix ON chat_messages (room_id, created_at, id);
-- polling "since": a room's changes in order (unique: one change number per change of a room)
CREATE UNIQUE INDEX chat_messages_room_change_uk ON chat_messages (room_id, change);
-- a thread's replies in order, and the cascade of a deleted first message
CREATE INDEX chat_messages_reply_to_ix ON chat_messages (reply_to_id, created_at, id) WHERE reply_to_id IS NOT NULL;
CREATE INDEX chat_messages_sender_ix ON chat_messages (sender_id);

CREATE TABLE chat_message_edits (
    message_id  uuid        NOT NULL,
    position    integer     NOT NULL,
    content     text        NOT NULL,
    replaced_at timestamptz NOT NULL,
    CONSTRAINT chat_message_edits_pk PRIMARY KEY (message_id, position),
    CONSTRAINT chat_message_edits_message_fk FOREIGN KEY (message_id) REFERENCES chat_messages (id) ON DELETE CASCADE,
    CONSTRAINT chat_message_edits_content_ck CHECK (length(content) BETWEEN 1 AND 10000)
);

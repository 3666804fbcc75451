-- messaging: e-mail. An e-mail is a draft its sender edits, then sent once and never changed; each
-- participant (the sender, every internal recipient) keeps a copy in a folder, with the keywords seen and
-- flagged (mailbox_entries). The bcc list is read by the sender's use cases only; search_text, what q
-- searches, is built from subject, body, from, to and cc, never from bcc.

CREATE TABLE emails (
    id            uuid        NOT NULL,
    sender_id     uuid        NOT NULL,
    from_address  text        NOT NULL,
    to_addresses  text[]      NOT NULL DEFAULT '{}',
    cc_addresses  text[]      NOT NULL DEFAULT '{}',
    bcc_addresses text[]      NOT NULL DEFAULT '{}',
    subject       text,
    body          text,
    -- threading as RFC 5322 has it: a thread is named by its first e-mail; in_reply_to and reference_ids
    -- are e-mail ids and may outlive the e-mails they name (like Message-IDs), so they have no foreign key
    thread_id     uuid        NOT NULL,
    in_reply_to   uuid,
    reference_ids uuid[]      NOT NULL DEFAULT '{}',
    thread_reason text        NOT NULL,
    status        text        NOT NULL,
    attachments   uuid[]      NOT NULL DEFAULT '{}',
    sent_at       timestamptz,
    search_text   text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT emails_pk PRIMARY KEY (id),
    -- a user's e-mails go with the user (and the copies of them with the e-mails)
    CONSTRAINT emails_sender_fk FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT emails_status_ck CHECK (status IN ('DRAFT', 'SENT')),
    CONSTRAINT emails_sent_at_ck CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT emails_thread_reason_ck CHECK (thread_reason IN ('NEW', 'IN_REPLY_TO', 'REFERENCES')),
    CONSTRAINT emails_thread_ck CHECK (
        (thread_reason = 'NEW' AND thread_id = id AND in_reply_to IS NULL)
        OR (thread_reason = 'IN_REPLY_TO' AND in_reply_to IS NOT NULL)
        OR (thread_reason = 'REFERENCES' AND in_reply_to IS NULL AND cardinality(reference_ids) > 0)),
    CONSTRAINT emails_recipients_ck CHECK (
        coalesce(cardinality(to_addresses), 0) + coalesce(cardinality(cc_addresses), 0)
            + coalesce(cardinality(bcc_addresses), 0) <= 100
        AND array_position(to_addresses, NULL) IS NULL
        AND array_position(cc_addresses, NULL) IS NULL
        AND array_position(bcc_addresses, NULL) IS NULL),
    -- a sent e-mail has somebody to go to
    CONSTRAINT emails_sent_recipients_ck CHECK (
        status = 'DRAFT'
        OR coalesce(cardinality(to_addresses), 0) + coalesce(cardinality(cc_addresses), 0)
            + coalesce(cardinality(bcc_addresses), 0) > 0),
    CONSTRAINT emails_references_ck CHECK (
        cardinality(reference_ids) <= 50 AND array_position(reference_ids, NULL) IS NULL),
    CONSTRAINT emails_attachments_ck CHECK (
        cardinality(attachments) <= 20 AND array_position(attachments, NULL) IS NULL),
    CONSTRAINT emails_from_ck CHECK (length(from_address) BETWEEN 3 AND 254),
    CONSTRAINT emails_subject_ck CHECK (subject IS NULL OR length(subject) <= 998),
    CONSTRAINT emails_body_ck CHECK (body IS NULL OR length(body) <= 100000),
    CONSTRAINT emails_version_ck CHECK (version >= 0),
    CONSTRAINT emails_updated_at_ck CHECK (updated_at >= created_at)
);

CREATE INDEX emails_sender_ix ON emails (sender_id);
CREATE INDEX emails_thread_ix ON emails (thread_id);
-- q: contains, over subject, body, from, to and cc (lower case)
CREATE INDEX emails_search_text_ix ON emails USING gin (search_text gin_trgm_ops);

CREATE TABLE mailbox_entries (
    user_id     uuid        NOT NULL,
    email_id    uuid        NOT NULL,
    folder      text        NOT NULL,
    seen        boolean     NOT NULL DEFAULT false,
    flagged     boolean     NOT NULL DEFAULT false,
    received_at timestamptz NOT NULL,
    -- the e-mail's thread, copied so that a participant's thread is read on their own index
    thread_id   uuid        NOT NULL,
    CONSTRAINT mailbox_entries_pk PRIMARY KEY (user_id, email_id),
    CONSTRAINT mailbox_entries_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT mailbox_entries_email_fk FOREIGN KEY (email_id) REFERENCES emails (id) ON DELETE CASCADE,
    CONSTRAINT mailbox_entries_folder_ck CHECK (folder IN ('INBOX', 'SENT', 'DRAFTS', 'TRASH', 'ARCHIVE'))
);

-- a folder's pages: keyset on (received_at, email_id), newest first; the counts per folder
CREATE INDEX mailbox_entries_folder_ix ON mailbox_entries (user_id, folder, received_at DESC, email_id DESC);
CREATE INDEX mailbox_entries_thread_ix ON mailbox_entries (user_id, thread_id, received_at, email_id);
-- the cascade of a deleted e-mail
CREATE INDEX mailbox_entries_email_ix ON mailbox_entries (email_id);

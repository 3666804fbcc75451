package io.strata.domain.messaging;

/** Where a participant keeps their copy of an e-mail (one folder per copy, as a JMAP mailbox role). */
public enum MailFolder {
    INBOX,
    SENT,
    DRAFTS,
    TRASH,
    ARCHIVE;

    /** The folders a participant may move a copy to: drafts and sent copies are filed by sending. */
    public boolean isMoveTarget() {
        return this == INBOX || this == TRASH || this == ARCHIVE;
    }
}

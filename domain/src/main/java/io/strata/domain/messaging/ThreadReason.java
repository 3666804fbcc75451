package io.strata.domain.messaging;

/** Why an e-mail joined its thread. */
public enum ThreadReason {
    /** It replies to no e-mail the sender could see: it starts a thread of its own. */
    NEW,
    /** Its {@code inReplyTo} names an e-mail of the thread. */
    IN_REPLY_TO,
    /** No {@code inReplyTo}, but one of its {@code references} is an e-mail of the thread. */
    REFERENCES
}

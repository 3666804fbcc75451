package io.strata.domain.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an e-mail sits in a conversation, as RFC 5322 threads it: the thread (named by its first e-mail), the
 * e-mail it replies to, the chain of references (oldest first), and why it joined the thread.
 */
public record Threading(EmailId threadId, EmailId inReplyTo, List<EmailId> references, ThreadReason reason) {
    /** The longest chain kept: the oldest references go first, as mail clients trim them. */
    public static final int MAX_REFERENCES = 50;

    public Threading {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A new thread named by the e-mail itself; references the sender gave that matched nothing are kept. */
    static Threading newThread(EmailId self, List<EmailId> references) {
        return new Threading(self, null, trimmed(references), ThreadReason.NEW);
    }

    /** A reply to {@code parent}: its thread, and its references followed by the parent. */
    static Threading replyTo(Email parent) {
        List<EmailId> chain = new ArrayList<>(parent.threading().references());
        chain.add(parent.id());
        return new Threading(parent.threading().threadId(), parent.id(), trimmed(chain), ThreadReason.IN_REPLY_TO);
    }

    /** No in-reply-to, but {@code known} (one of {@code references}) is in a thread: join it. */
    static Threading byReferences(Email known, List<EmailId> references) {
        return new Threading(known.threading().threadId(), null, trimmed(references), ThreadReason.REFERENCES);
    }

    private static List<EmailId> trimmed(List<EmailId> chain) {
        if (chain == null) {
            return List.of();
        }
        List<EmailId> distinct = chain.stream().distinct().toList();
        return distinct.size() <= MAX_REFERENCES
                ? distinct
                : distinct.subList(distinct.size() - MAX_REFERENCES, distinct.size());
    }
}

package io.strata.domain.messaging;

import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/**
 * One participant's copy of an e-mail: its folder and keywords (JMAP's {@code $seen} and {@code $flagged}).
 * {@code receivedAt} orders a folder: the sending time, or the draft's creation.
 */
public record MailboxEntry(
        UserId userId, EmailId emailId, MailFolder folder, boolean seen, boolean flagged, Instant receivedAt) {}

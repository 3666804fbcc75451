package io.strata.domain.community;

import java.time.Instant;

/** One revision of a case's reason: the first is the reason it was opened with. */
public record CaseReason(int revision, String reason, long editedBy, Instant editedAt) {}

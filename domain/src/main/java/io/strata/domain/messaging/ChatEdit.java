package io.strata.domain.messaging;

import java.time.Instant;

/** One entry of a message's edit history: the content it had until {@code replacedAt}. */
public record ChatEdit(String content, Instant replacedAt) {}

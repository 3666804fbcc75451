package io.strata.domain.plugins;

import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** Who took a violation out of the score, when and why (the audit of a dismissal). */
public record Dismissal(Instant at, UserId by, String reason) {
    public Dismissal {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
    }
}

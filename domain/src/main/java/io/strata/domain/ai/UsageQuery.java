package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A usage report's question: interactions that occurred in {@code [from, to)} (either end open when null), of one
 * model, module or user when given, grouped by {@code grouping}; days are calendar days in {@code zone} (UTC by
 * default).
 */
public record UsageQuery(
        UsageGrouping grouping, Instant from, Instant to, ZoneId zone, String model, String module, UserId userId) {
    /** The default zone, by the name PostgreSQL knows too. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    public UsageQuery {
        grouping = ValidationException.requireValue("groupBy", grouping);
        zone = zone == null ? UTC : zone;
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ValidationException("to", "must be after from");
        }
    }

    /** The same question restricted to one user's interactions. */
    public UsageQuery ofUser(UserId user) {
        return new UsageQuery(grouping, from, to, zone, model, module, user);
    }
}

package io.strata.domain.workspace;

import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;

/**
 * A task's hours: the estimate (optional, at most 100000) and the hours worked so far (logged at most
 * 1000 at a time), both with at most 2 decimals.
 */
public record Effort(BigDecimal estimatedHours, BigDecimal actualHours) {
    private static final BigDecimal MAX_ESTIMATE = new BigDecimal("100000");
    private static final BigDecimal MAX_LOG = new BigDecimal("1000");
    private static final BigDecimal NO_HOURS = BigDecimal.ZERO.setScale(2);

    public Effort {
        actualHours = actualHours == null ? NO_HOURS : actualHours;
    }

    /** A new task's effort: the estimate (checked), nothing worked yet. */
    public static Effort estimated(BigDecimal estimatedHours) {
        return new Effort(hours("estimatedHours", estimatedHours, MAX_ESTIMATE, true), NO_HOURS);
    }

    /** The same hours worked, with a new (checked) estimate; null removes it. */
    public Effort reestimated(BigDecimal estimatedHours) {
        return new Effort(hours("estimatedHours", estimatedHours, MAX_ESTIMATE, true), actualHours);
    }

    /** {@code hours} more worked: more than 0, at most 1000 at once. */
    public Effort plusWorked(BigDecimal hours) {
        BigDecimal worked = hours("hours", hours, MAX_LOG, false);
        if (worked.signum() == 0) {
            throw new ValidationException("hours", "must be more than 0");
        }
        return new Effort(estimatedHours, actualHours.add(worked));
    }

    private static BigDecimal hours(String field, BigDecimal value, BigDecimal max, boolean nullable) {
        if (value == null) {
            if (nullable) {
                return null;
            }
            throw new ValidationException(field, "is required");
        }
        if (value.signum() < 0
                || value.compareTo(max) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw new ValidationException(field, "must be 0 to " + max + " hours with at most 2 decimals");
        }
        return value.setScale(2);
    }
}

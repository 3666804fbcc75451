package io.strata.domain.plugins;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a plugin's security ledger. What was found is never changed; the only later fact is its dismissal
 * (once). The database refuses any other update of a ledger row.
 */
public record SecurityViolation(
        ViolationId id,
        PluginId pluginId,
        String pluginVersion,
        String check,
        Severity severity,
        String evidence,
        Instant recordedAt,
        UserId recordedBy,
        Dismissal dismissal) {
    public static final int MAX_CHECK = 100;
    public static final int MAX_EVIDENCE = 4000;
    public static final int MAX_REASON = 1000;
    private static final Pattern CHECK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_CHECK - 1) + "}");

    public SecurityViolation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A new finding against {@code plugin} at its current version. */
    public static SecurityViolation record(
            Plugin plugin, String check, Severity severity, String evidence, UserId by, Clock clock) {
        if (severity == null) {
            throw new ValidationException("severity", "is required");
        }
        return new SecurityViolation(
                ViolationId.newId(),
                plugin.id(),
                plugin.pluginVersion(),
                check(check),
                severity,
                Text.optional("evidence", evidence, MAX_EVIDENCE),
                clock.now(),
                by,
                null);
    }

    /** A check's name as Scorecard-like tools write it ({@code Dangerous-Workflow}, {@code net.egress}). */
    public static String check(String check) {
        String value = Text.required("check", check, MAX_CHECK);
        if (!CHECK.matcher(value).matches()) {
            throw new ValidationException(
                    "check",
                    "must be letters, digits and . _ : - (at most " + MAX_CHECK + "), e.g. Dangerous-Workflow");
        }
        return value;
    }

    /** The same finding, dismissed by {@code by} for {@code reason}; a dismissed violation stays dismissed. */
    public SecurityViolation dismiss(UserId by, String reason, Clock clock) {
        if (dismissal != null) {
            throw new ConflictException("violation " + id + " was already dismissed");
        }
        return new SecurityViolation(
                id,
                pluginId,
                pluginVersion,
                check,
                severity,
                evidence,
                recordedAt,
                recordedBy,
                new Dismissal(clock.now(), by, Text.required("reason", reason, MAX_REASON)));
    }

    public boolean dismissed() {
        return dismissal != null;
    }
}

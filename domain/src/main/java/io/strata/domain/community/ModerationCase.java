package io.strata.domain.community;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import java.time.Instant;

/** A moderation case, numbered 1, 2, ... per guild; its reason is editable and every revision is kept. */
public record ModerationCase(
        CaseId id,
        GuildId guildId,
        long number,
        MemberId memberId,
        long memberExternalId,
        CaseType type,
        String reason,
        long moderatorId,
        boolean active,
        Instant expiresAt,
        Instant resolvedAt,
        AuditStamp stamp) {
    public static final int MAX_REASON = 2000;

    public static String reason(String value) {
        return Text.optional("reason", value, MAX_REASON);
    }

    /** An expiry, when given, lies after the opening. */
    public static Instant expiresAt(Instant value, Instant now) {
        if (value == null) {
            return null;
        }
        Storable.instant("expiresAt", value);
        if (!value.isAfter(now)) {
            throw new ValidationException("expiresAt", "must lie in the future");
        }
        return value;
    }

    public long version() {
        return stamp.version();
    }

    public void requireActive() {
        if (!active) {
            throw new ConflictException("case " + number + " is resolved already");
        }
    }
}

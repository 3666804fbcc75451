package io.strata.domain.community;

import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.value.Text;
import java.time.Instant;

/** A member of a guild, known by the chat platform's user id, with a points balance and activity counters. */
public record Member(
        MemberId id,
        GuildId guildId,
        long externalUserId,
        String username,
        long points,
        long messageCount,
        Instant lastActiveAt,
        boolean active,
        AuditStamp stamp) {
    public static final int MAX_USERNAME = 100;

    public static String username(String value) {
        return Text.required("username", value, MAX_USERNAME);
    }

    public long version() {
        return stamp.version();
    }
}

package io.strata.adapters.persistence.community;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of community_members; read through JPA for lists (keyset paging), written with plain SQL. */
@Entity
@Table(name = "community_members")
public class MemberJpaEntity extends AggregateJpaColumns {
    @Column(name = "guild_id", nullable = false, updatable = false)
    private UUID guildId;

    @Column(name = "external_user_id", nullable = false, updatable = false)
    private long externalUserId;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "points", nullable = false)
    private long points;

    @Column(name = "message_count", nullable = false)
    private long messageCount;

    @Column(name = "last_active_at")
    private Instant lastActiveAt;

    @Column(name = "active", nullable = false)
    private boolean active;

    public UUID getGuildId() {
        return guildId;
    }

    public long getExternalUserId() {
        return externalUserId;
    }

    public String getUsername() {
        return username;
    }

    public long getPoints() {
        return points;
    }

    public long getMessageCount() {
        return messageCount;
    }

    public Instant getLastActiveAt() {
        return lastActiveAt;
    }

    public boolean isActive() {
        return active;
    }
}

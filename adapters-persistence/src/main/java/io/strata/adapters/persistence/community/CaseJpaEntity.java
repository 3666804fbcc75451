package io.strata.adapters.persistence.community;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of community_cases; read through JPA for lists (filters, keyset paging), written with plain SQL. */
@Entity
@Table(name = "community_cases")
public class CaseJpaEntity extends AggregateJpaColumns {
    @Column(name = "guild_id", nullable = false, updatable = false)
    private UUID guildId;

    @Column(name = "number", nullable = false, updatable = false)
    private long number;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "member_external_id", nullable = false, updatable = false)
    private long memberExternalId;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "reason")
    private String reason;

    @Column(name = "moderator_external_id", nullable = false, updatable = false)
    private long moderatorExternalId;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    public UUID getGuildId() {
        return guildId;
    }

    public long getNumber() {
        return number;
    }

    public UUID getMemberId() {
        return memberId;
    }

    public long getMemberExternalId() {
        return memberExternalId;
    }

    public String getType() {
        return type;
    }

    public String getReason() {
        return reason;
    }

    public long getModeratorExternalId() {
        return moderatorExternalId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}

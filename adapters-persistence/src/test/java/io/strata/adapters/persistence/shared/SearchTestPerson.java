package io.strata.adapters.persistence.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Fixture of the shared search's own tests: a read-only view of the {@code users} table with the columns
 * those tests filter, sort and page by (seeded through the identity context's repository), so the tests of
 * {@link CriteriaSearch} need no context's entity.
 */
@Entity(name = "SearchTestPerson")
@Immutable
@Table(name = "users")
class SearchTestPerson {
    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "username")
    private String username;

    @Column(name = "role")
    private String role;

    @Column(name = "login_count")
    private long loginCount;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "preferences", columnDefinition = "jsonb")
    private Map<String, Object> preferences;

    protected SearchTestPerson() {}

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getRole() {
        return role;
    }

    public long getLoginCount() {
        return loginCount;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Map<String, Object> getPreferences() {
        return preferences;
    }
}

package io.strata.adapters.persistence.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Fixture of the shared search's tests: the {@code sessions} rows a correlated {@code EXISTS} scope looks for. */
@Entity(name = "SearchTestSession")
@Immutable
@Table(name = "sessions")
class SearchTestSession {
    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "user_id")
    private UUID userId;

    protected SearchTestSession() {}

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }
}

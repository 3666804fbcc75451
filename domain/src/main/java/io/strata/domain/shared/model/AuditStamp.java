package io.strata.domain.shared.model;

import java.time.Instant;

/**
 * What every stored aggregate carries besides its state: the optimistic-lock {@code version} (the
 * ETag; the database moves it on every update), when it was created, and when it last changed.
 */
public record AuditStamp(long version, Instant createdAt, Instant updatedAt) {

    /** A new aggregate's stamp: version 0, created and updated {@code now}. */
    public static AuditStamp createdAt(Instant now) {
        return new AuditStamp(0, now, now);
    }

    /** The same stamp, changed {@code now}. The version is not moved here: the database does it on save. */
    public AuditStamp touchedAt(Instant now) {
        return new AuditStamp(version, createdAt, now);
    }
}

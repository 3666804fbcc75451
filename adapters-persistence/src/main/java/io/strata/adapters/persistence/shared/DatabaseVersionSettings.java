package io.strata.adapters.persistence.shared;

import io.micronaut.configuration.hibernate.jpa.JpaConfiguration;
import io.micronaut.configuration.hibernate.jpa.conf.settings.SettingsSupplier;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate's dialect from the PostgreSQL version that the start already read (its connection check), instead of a
 * pooled connection's JDBC metadata. Hibernate otherwise takes a connection while it boots to ask the driver what the
 * database is, on the thread whose work the start waits for last. What that metadata also decided is given as it
 * answered for PostgreSQL: scrollable result sets and generated keys are supported.
 *
 * <p>Only when the version is known ({@value #SERVER_VERSION_PROPERTY}, set by the start): a context started
 * otherwise (a test's own) lets Hibernate ask as before.
 */
@Singleton
public class DatabaseVersionSettings implements SettingsSupplier {
    /** The server's version, {@code major.minor}. */
    public static final String SERVER_VERSION_PROPERTY = "strata.database.server-version";

    private final String serverVersion;

    public DatabaseVersionSettings(@Nullable @Value("${" + SERVER_VERSION_PROPERTY + ":}") String serverVersion) {
        this.serverVersion = serverVersion == null ? "" : serverVersion.strip();
    }

    @Override
    public Map<String, Object> supply(JpaConfiguration jpaConfiguration) {
        if (!serverVersion.matches("\\d{1,4}\\.\\d{1,4}")) {
            return Map.of();
        }
        return Map.of(
                AvailableSettings.ALLOW_METADATA_ON_BOOT, false,
                AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL",
                AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, serverVersion,
                AvailableSettings.USE_SCROLLABLE_RESULTSET, true,
                AvailableSettings.USE_GET_GENERATED_KEYS, true);
    }
}

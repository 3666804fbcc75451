package io.strata.adapters.persistence.shared;

import io.micronaut.configuration.hibernate.jpa.JpaConfiguration;
import io.micronaut.configuration.hibernate.jpa.conf.settings.SettingsSupplier;
import jakarta.inject.Singleton;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;

/**
 * Makes read-only transactions ({@code @ReadOnlyTransaction} on a use case, mapped onto Micronaut's
 * {@code @Transactional(readOnly = true)}) read-only down to PostgreSQL. Micronaut's Hibernate transaction
 * manager always sets such a session to flush never and load entities read-only, but marks the JDBC
 * connection read-only only when the session holds one connection from begin to end; this setting makes it
 * so (a session lives exactly as long as its transaction here, so nothing else changes). pgjdbc then opens
 * the transaction with {@code BEGIN READ ONLY}, PostgreSQL refuses writes in it, and a replica router can
 * route by the connection's read-only flag.
 */
@Singleton
public class ReadOnlyConnections implements SettingsSupplier {

    @Override
    public Map<String, Object> supply(JpaConfiguration jpaConfiguration) {
        return Map.of(
                AvailableSettings.CONNECTION_HANDLING,
                PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_HOLD.name());
    }
}

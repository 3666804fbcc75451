package io.strata.bootstrap.database;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.bootstrap.config.StartupFailure;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once at startup: reads the durability settings a pooled session sees ({@link Durability}) and logs a WARN line
 * for each one that is off. Strata does not override them (the operator may have reasons), but says so.
 */
@Singleton
public class DurabilityCheck implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DurabilityCheck.class);

    private final DataSource dataSource;

    public DurabilityCheck(@Named("default") DataSource dataSource, @Nullable DataSourceResolver resolver) {
        this.dataSource = resolver != null ? resolver.resolve(dataSource) : dataSource;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            for (String warning : Durability.read(connection).warnings()) {
                LOG.warn(
                        "PostgreSQL durability: {} (Strata never turns this off; the server or the connection URL does)",
                        warning);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not read PostgreSQL's durability settings: {}", StartupFailure.describe(e));
        }
    }
}

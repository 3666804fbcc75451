package io.strata.adapters.persistence.shared;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Every application data source applies row-level security's settings at each transaction's begin. Among the first
 * of the data source's listeners (after test probes that must see the bare pool, at {@code HIGHEST_PRECEDENCE}), so
 * that it wraps the pool and Micronaut's transaction-aware proxy wraps it.
 */
@Singleton
public class RowSecurityWiring implements BeanCreatedEventListener<DataSource>, Ordered {
    /** Listeners that wrap it (the read replica's router) order themselves after this. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final OutboxCommits outboxCommits;

    RowSecurityWiring(OutboxCommits outboxCommits) {
        this.outboxCommits = outboxCommits;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        return dataSource instanceof RowSecurityDataSource
                ? dataSource
                : new RowSecurityDataSource(dataSource, outboxCommits);
    }
}

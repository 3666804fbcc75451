package io.strata.adapters.persistence.shared;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Every application data source applies row-level security's settings at each transaction's begin. First of the
 * data source's listeners, so that it wraps the pool itself and Micronaut's transaction-aware proxy wraps it.
 */
@Singleton
public class RowSecurityWiring implements BeanCreatedEventListener<DataSource>, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        return dataSource instanceof RowSecurityDataSource ? dataSource : new RowSecurityDataSource(dataSource);
    }
}

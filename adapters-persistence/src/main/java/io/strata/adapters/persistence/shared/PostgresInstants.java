package io.strata.adapters.persistence.shared;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;

/**
 * Instants ({@code timestamptz} columns) go over JDBC as {@code OffsetDateTime} at UTC, which pgjdbc reads from
 * PostgreSQL's binary form directly. Hibernate's choice for PostgreSQL, {@code Timestamp} with a UTC calendar, has
 * pgjdbc take every value apart field by field and build a calendar for each result set: on a page of users (three
 * timestamps a row) that was 3.5% of the request's CPU ({@code bench/run profile list}), where the raw JDBC baseline
 * reads {@code OffsetDateTime}. Same column type, same values (microseconds, UTC), bound and read alike by every
 * entity and {@link PlainReads}. Hibernate applies it after its dialect's types, through
 * {@code META-INF/services/org.hibernate.boot.model.TypeContributor}.
 */
public class PostgresInstants implements TypeContributor {
    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(TimestampUtcAsOffsetDateTimeJdbcType.INSTANCE);
    }
}

package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;
import org.junit.jupiter.api.Test;

/** Instants go over JDBC as {@code OffsetDateTime} at UTC, and come back from {@code timestamptz} unchanged. */
class PostgresInstantsTest extends PostgresTest {

    @Test
    void instantsAreBoundAndReadAsOffsetDateTimes() {
        EntityManager entityManager = bean(EntityManager.class);
        SessionFactoryImplementor factory = readTx(
                () -> entityManager.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class));

        assertThat(factory.getTypeConfiguration().getJdbcTypeRegistry().getDescriptor(SqlTypes.TIMESTAMP_UTC))
                .isSameAs(TimestampUtcAsOffsetDateTimeJdbcType.INSTANCE);
        assertThat(factory.getTypeConfiguration()
                        .getBasicTypeForJavaType(Instant.class)
                        .getJdbcType())
                .isSameAs(TimestampUtcAsOffsetDateTimeJdbcType.INSTANCE);
    }

    @Test
    void instantsRoundTripThroughTimestamptzToTheMicrosecond() {
        EntityManager entityManager = bean(EntityManager.class);
        for (Instant instant : List.of(
                Instant.parse("2026-12-05T08:30:01.123456Z"),
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1900-02-28T12:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"))) {
            Object[] row = readTx(() -> (Object[]) entityManager
                    .createNativeQuery(
                            "SELECT cast(?1 AS timestamptz) AS value, to_char(cast(?1 AS timestamptz) AT TIME ZONE"
                                    + " 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS stored")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .addScalar("value", Instant.class)
                    .addScalar("stored", String.class)
                    .setParameter(1, instant)
                    .getSingleResult());
            assertThat(row[0]).as("read back").isEqualTo(instant);
            assertThat(Instant.parse((String) row[1]))
                    .as("what PostgreSQL stored")
                    .isEqualTo(instant);
        }
    }
}

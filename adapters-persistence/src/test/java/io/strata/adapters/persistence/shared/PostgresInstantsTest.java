package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

/**
 * Instants go over JDBC as {@code OffsetDateTime} at UTC through Hibernate, in PostgreSQL's binary form through plain
 * statements ({@link PlainReads#setInstant}, {@link PlainReads#instant}), and come back from {@code timestamptz}
 * unchanged.
 */
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

    @Test
    void plainStatementsBindAndReadInstantsToTheMicrosecondInTextAndBinaryResults() throws SQLException {
        List<Instant> instants = List.of(
                Instant.parse("2026-12-05T08:30:01.123456Z"),
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1900-02-28T12:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"));
        Set<Integer> formats = new HashSet<>();
        try (Connection connection = TestPostgres.applicationDataSource(context).getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT ?, to_char(cast(? AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")) {
            // pgjdbc sends results in text until a statement is prepared on the server (its 5th run), then in binary
            for (int round = 0; round < 2; round++) {
                for (Instant instant : instants) {
                    PlainReads.setInstant(statement, 1, instant);
                    PlainReads.setInstant(statement, 2, instant);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        formats.add(rows.getMetaData()
                                .unwrap(PGResultSetMetaData.class)
                                .getFormat(1));
                        assertThat(PlainReads.instant(rows, 1)).as("read back").isEqualTo(instant);
                        assertThat(Instant.parse(rows.getString(2)))
                                .as("what PostgreSQL got")
                                .isEqualTo(instant);
                    }
                }
            }
            PlainReads.setInstant(statement, 1, Instant.parse("2026-12-05T08:30:01.1234565Z"));
            PlainReads.setInstant(statement, 2, null);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(PlainReads.instant(rows, 1)).as("half up").isEqualTo("2026-12-05T08:30:01.123457Z");
                assertThat(PlainReads.instant(rows, 2)).as("null").isNull();
            }
            PlainReads.setInstant(statement, 1, Instant.parse("+300000-01-01T00:00:00Z"));
            assertThatThrownBy(statement::executeQuery)
                    .as("too far for eight bytes: bound as text, refused by PostgreSQL")
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("22"));
        }
        assertThat(formats).as("both text and binary results read").containsExactlyInAnyOrder(0, 1);
    }
}

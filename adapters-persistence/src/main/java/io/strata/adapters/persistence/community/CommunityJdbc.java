package io.strata.adapters.persistence.community;

import io.strata.adapters.persistence.shared.PlainReads;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL on the transaction's connection, for the statements JPA has no words for (INSERT ... ON CONFLICT,
 * UPDATE ... RETURNING, ordered row locks, ledger sums). The statements go through {@link PlainReads}: a community
 * use case runs on the plain transaction, without a Hibernate session, when it is a read or declared rerunnable.
 */
final class CommunityJdbc {
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private CommunityJdbc() {}

    static <T> List<T> query(
            EntityManager entityManager, String sql, PlainReads.Parameters parameters, RowMapper<T> mapper) {
        return PlainReads.statements(entityManager).query(sql, parameters, rows -> {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        });
    }

    static int update(EntityManager entityManager, String sql, PlainReads.Parameters parameters) {
        return PlainReads.statements(entityManager).update(sql, parameters);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return PlainReads.instant(row, row.findColumn(column));
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}

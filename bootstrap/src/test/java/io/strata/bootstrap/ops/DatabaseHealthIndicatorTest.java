package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseHealthIndicatorTest {

    @Test
    @SuppressWarnings("unchecked")
    void unreachableDatabaseIsDownWithAnError() {
        DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(new UnreachableDataSource(), null, null);

        HealthResult result = indicator.getHealthResult();

        assertThat(result.getName()).isEqualTo("database");
        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        Map<String, Object> details = (Map<String, Object>) result.getDetails();
        assertThat(details.get("error")).isEqualTo("Connection refused");
    }

    private static final class UnreachableDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException(
                    "Connection to localhost:1 refused", "08001", new java.net.ConnectException("Connection refused"));
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}

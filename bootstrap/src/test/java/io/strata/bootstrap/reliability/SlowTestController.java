package io.strata.bootstrap.reliability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Test-only endpoint (enabled by {@code strata.test.slow-controller=true}): a request that is in flight for a
 * while and then reads the database, so a stop that closed the pool or PostgreSQL too early would fail it. It
 * prints one line when it starts, for the test to know it is in flight.
 */
@Controller("/test/slow")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "strata.test.slow-controller", value = "true")
class SlowTestController {
    static final String STARTED = "slow request started";

    private final DataSource dataSource;

    SlowTestController(@Named("default") DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource); // the pool itself, outside Micronaut's transaction management
    }

    @Get("/{millis}")
    String slow(long millis) throws InterruptedException, SQLException {
        System.out.println(STARTED);
        System.out.flush();
        Thread.sleep(millis);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return "done after " + millis + " ms; users: " + rs.getLong(1);
        }
    }
}

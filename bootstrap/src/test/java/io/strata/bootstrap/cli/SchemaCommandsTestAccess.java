package io.strata.bootstrap.cli;

import java.sql.SQLException;
import java.util.List;

/** One-column query results for tests of other packages. */
public final class SchemaCommandsTestAccess {
    private SchemaCommandsTestAccess() {}

    public static List<String> query(String url, String sql) throws SQLException {
        return SchemaCommandsTest.query(url, sql);
    }
}

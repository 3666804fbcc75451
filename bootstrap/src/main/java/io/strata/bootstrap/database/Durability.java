package io.strata.bootstrap.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings that decide whether a commit PostgreSQL acknowledges survives a crash, as a session of Strata's
 * pool sees them (server defaults, per-database and per-role settings, and options in the JDBC URL). Strata never
 * changes them; it warns when one is off: with {@code fsync=off} a crash of the machine can corrupt the database,
 * with {@code synchronous_commit=off} the last transactions acknowledged before a crash are lost, with
 * {@code full_page_writes=off} a torn page can corrupt it.
 */
public record Durability(String fsync, String synchronousCommit, String fullPageWrites) {

    public static Durability read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('fsync'), "
                    + "current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
                rs.next();
                return new Durability(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    /** One sentence per setting that puts acknowledged writes at risk; empty when all is durable. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if ("off".equalsIgnoreCase(fsync)) {
            warnings.add("fsync is off: a crash of the machine can lose or corrupt acknowledged writes");
        }
        if ("off".equalsIgnoreCase(synchronousCommit)) {
            warnings.add(
                    "synchronous_commit is off: transactions acknowledged shortly before a crash of PostgreSQL are lost");
        }
        if ("off".equalsIgnoreCase(fullPageWrites)) {
            warnings.add("full_page_writes is off: a crash of the machine can corrupt pages being written");
        }
        return warnings;
    }

    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fsync", fsync);
        details.put("synchronousCommit", synchronousCommit);
        details.put("fullPageWrites", fullPageWrites);
        List<String> warnings = warnings();
        if (!warnings.isEmpty()) {
            details.put("warnings", warnings);
        }
        return details;
    }
}

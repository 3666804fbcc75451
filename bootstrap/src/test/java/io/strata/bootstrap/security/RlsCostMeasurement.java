package io.strata.bootstrap.security;

import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a test (it asserts nothing and is skipped unless {@code -Dstrata.measure.rls=true}): the cost of
 * row-level security on two list pages of the later contexts over JDBC, the mail folder page (a recipient's INBOX:
 * the copies, then their e-mails, whose policy looks for the reader's copy) and "my documents". "Off" is the
 * superuser (policies bypassed), "on" the application role with the transaction's settings (one more statement in
 * the transaction). Rounds interleave on and off; the documents query's plan with the policies is printed first. Run:
 * {@code ./mvnw -q -o -pl bootstrap verify -Dtest=RlsCostMeasurement -Dstrata.measure.rls=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true}; the figures are on stdout.
 */
@EnabledIfSystemProperty(named = "strata.measure.rls", matches = "true")
class RlsCostMeasurement extends IntegrationTest {
    private static final int ROWS = 5_000;
    private static final int ROUNDS = 300;
    private static final int PAGE = 50;

    @Test
    void measure() throws SQLException {
        Api.TestUser reader = api().newUser(adminToken(), "rls-cost-reader", null);
        Api.TestUser sender = api().newUser(adminToken(), "rls-cost-sender", null);
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement seed = owner.createStatement()) {
            for (String user : List.of(reader.id(), sender.id())) {
                seed.execute("""
                        INSERT INTO content_documents (id, version, created_at, updated_at, owner_id, title, kind,
                                                       content, revision)
                        SELECT gen_random_uuid(), 0, now(), now() - make_interval(secs => i), '%s', 'doc ' || i,
                               'TEXT', '{}', 1
                        FROM generate_series(1, %d) i""".formatted(user, ROWS));
            }
            seed.execute("""
                    WITH sent AS (
                        INSERT INTO emails (id, sender_id, from_address, to_addresses, subject, thread_id, thread_reason,
                                            status, sent_at, search_text, created_at, updated_at)
                        SELECT e, '%1$s', 'sender@strata.test', '{reader@strata.test}', 'mail', e, 'NEW', 'SENT',
                               now(), 'mail', now(), now()
                        FROM (SELECT gen_random_uuid() AS e FROM generate_series(1, %3$d)) g
                        RETURNING id, thread_id)
                    INSERT INTO mailbox_entries (user_id, email_id, folder, received_at, thread_id)
                    SELECT u, id, CASE WHEN u = '%1$s' THEN 'SENT' ELSE 'INBOX' END,
                           now() - random() * interval '30 days', thread_id
                    FROM sent CROSS JOIN (VALUES ('%1$s'::uuid), ('%2$s'::uuid)) v(u)""".formatted(sender.id(), reader.id(), ROWS));
            seed.execute("ANALYZE content_documents, emails, mailbox_entries");
        }

        try (Connection off = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Connection on = DriverManager.getConnection(jdbcUrl(), ApplicationRole.EMBEDDED, "")) {
            off.setAutoCommit(false);
            on.setAutoCommit(false);
            RowSecurity.Acting acting = new RowSecurity.Acting("USER", reader.id());
            RowSecurity.apply(on, acting);
            try (PreparedStatement explain = on.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM "
                    + "content_documents WHERE owner_id = ?::uuid AND deleted_at IS NULL ORDER BY updated_at DESC, "
                    + "id DESC LIMIT 51")) {
                explain.setString(1, reader.id());
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("PLAN " + rs.getString(1));
                    }
                }
            }
            on.commit();
            for (Page page : List.of(Page.MAIL_FOLDER, Page.MY_DOCUMENTS)) {
                long[] withRls = new long[ROUNDS];
                long[] without = new long[ROUNDS];
                for (int i = -20; i < ROUNDS; i++) { // 20 rounds of warm-up
                    long a = page.time(on, acting, reader.id());
                    long b = page.time(off, null, reader.id());
                    if (i >= 0) {
                        withRls[i] = a;
                        without[i] = b;
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "RLS cost, %s (%d rows per user, page of %d, %d interleaved rounds): on median %.2f ms p90 %.2f"
                                + " ms; off median %.2f ms p90 %.2f ms%n",
                        page,
                        ROWS,
                        PAGE,
                        ROUNDS,
                        percentile(withRls, 50),
                        percentile(withRls, 90),
                        percentile(without, 50),
                        percentile(without, 90));
            }
        }
    }

    private enum Page {
        MAIL_FOLDER {
            @Override
            void run(Connection connection, String user) throws SQLException {
                List<Object> ids = new ArrayList<>();
                try (PreparedStatement entries = connection.prepareStatement("""
                        SELECT m.user_id, m.email_id, m.folder, m.seen, m.flagged, m.received_at
                        FROM mailbox_entries m WHERE m.user_id = ?::uuid AND m.folder = 'INBOX'
                        ORDER BY m.received_at DESC, m.email_id DESC LIMIT ?""")) {
                    entries.setString(1, user);
                    entries.setInt(2, PAGE + 1);
                    try (ResultSet rs = entries.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(2));
                        }
                    }
                }
                try (PreparedStatement emails =
                        connection.prepareStatement("SELECT * FROM emails WHERE id = ANY (?)")) {
                    emails.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                    drain(emails, PAGE + 1);
                }
            }
        },
        MY_DOCUMENTS {
            @Override
            void run(Connection connection, String user) throws SQLException {
                try (PreparedStatement documents = connection.prepareStatement("""
                        SELECT * FROM content_documents WHERE owner_id = ?::uuid AND deleted_at IS NULL
                        ORDER BY updated_at DESC, id DESC LIMIT ?""")) {
                    documents.setString(1, user);
                    documents.setInt(2, PAGE + 1);
                    drain(documents, PAGE + 1);
                }
            }
        };

        abstract void run(Connection connection, String user) throws SQLException;

        /** One transaction: the settings (with row-level security), the page's statements, COMMIT; in nanoseconds. */
        long time(Connection connection, RowSecurity.Acting acting, String user) throws SQLException {
            long start = System.nanoTime();
            if (acting != null) {
                RowSecurity.apply(connection, acting);
            }
            run(connection, user);
            connection.commit();
            return System.nanoTime() - start;
        }

        static void drain(PreparedStatement statement, int expected) throws SQLException {
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            if (rows != expected) {
                throw new IllegalStateException("expected " + expected + " rows, read " + rows);
            }
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1_000_000.0;
    }
}

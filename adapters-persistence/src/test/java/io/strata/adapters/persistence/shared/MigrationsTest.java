package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.strata.adapters.persistence.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Empty database -> every migration -> Hibernate validates the mapping -> latest version; then every
 * rollback script in reverse order leaves an empty schema, and migrating again works.
 */
class MigrationsTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Pattern ROLLBACK = Pattern.compile("U(\\d+)__(\\w+)\\.sql");

    @Test
    void migratesValidatesRollsBackAndMigratesAgain() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        List<String> migrations = scripts("db/migration", MIGRATION);
        int latest = migrations.stream()
                .mapToInt(name -> version(name, MIGRATION))
                .max()
                .orElseThrow();

        migrateAndValidate(url);
        assertThat(appliedVersions(url)).hasSize(migrations.size()).last().isEqualTo(latest);
        assertThat(latest).isGreaterThanOrEqualTo(6); // other versions (V60, row-level security) land in parallel
        assertThat(tables(url))
                .contains(
                        "users",
                        "user_profiles",
                        "sessions",
                        "login_failures",
                        "idempotency_keys",
                        "projects",
                        "project_members",
                        "tasks",
                        "task_dependencies",
                        "events",
                        "ai_model_prices",
                        "ai_interactions",
                        "community_guilds",
                        "community_members",
                        "community_points_transfers",
                        "community_case_counters",
                        "community_cases",
                        "community_case_reasons",
                        "chat_rooms",
                        "chat_room_members",
                        "chat_messages",
                        "chat_message_edits",
                        "emails",
                        "mailbox_entries",
                        "event_sinks",
                        "event_deliveries",
                        "event_delivery_attempts",
                        "content_blobs",
                        "content_files",
                        "plugins",
                        "plugin_security_violations",
                        "content_documents",
                        "content_document_revisions",
                        "content_document_shares",
                        "content_blob_chunks",
                        "content_blob_digests",
                        "content_uploads");
        assertThat(extensions(url)).contains("pg_trgm");

        // every migration has its rollback, with the same name
        List<String> rollbacks = scripts("db/rollback", ROLLBACK);
        assertThat(rollbacks.stream().map(n -> n.substring(1)).toList())
                .containsExactlyInAnyOrderElementsOf(
                        migrations.stream().map(n -> n.substring(1)).toList());

        rollbacks.sort(
                Comparator.comparingInt((String n) -> version(n, ROLLBACK)).reversed());
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement()) {
            for (String rollback : rollbacks) {
                statement.execute(read("db/rollback/" + rollback));
            }
        }
        assertThat(tables(url)).containsOnly("flyway_schema_history");
        assertThat(appliedVersions(url)).isEmpty();
        assertThat(extensions(url)).containsOnly("plpgsql");
        assertThat(query(
                        url,
                        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                + "WHERE n.nspname = 'public' AND c.relname <> 'flyway_schema_history' "
                                + "AND c.relname NOT LIKE 'flyway_schema_history%'"))
                .containsExactly("0");
        assertThat(query(
                        url,
                        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                + "WHERE n.nspname = 'public'"))
                .containsExactly("0");

        migrateAndValidate(url);
        assertThat(appliedVersions(url)).hasSize(migrations.size()).last().isEqualTo(latest);
    }

    @Test
    void hibernateValidatesTheSchemaAgainstTheMapping() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        migrateAndValidate(url);
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE sessions DROP COLUMN user_agent");
        }
        assertThatThrownBy(() -> migrateAndValidate(url)).hasStackTraceContaining("user_agent");
    }

    /** Starting the context runs Flyway; building the SessionFactory runs hbm2ddl=validate. */
    private static void migrateAndValidate(String url) {
        try (ApplicationContext context = TestPostgres.start(url)) {
            SessionFactory sessionFactory = context.getBean(SessionFactory.class);
            assertThat(sessionFactory.getMetamodel().getEntities())
                    .extracting(e -> e.getName())
                    .contains(
                            "UserJpaEntity",
                            "UserProfileJpaEntity",
                            "SessionJpaEntity",
                            "ProjectJpaEntity",
                            "TaskJpaEntity",
                            "AiInteractionJpaEntity",
                            "ModelPriceJpaEntity",
                            "ChatRoomJpaEntity",
                            "ChatMessageJpaEntity",
                            "EmailJpaEntity",
                            "PluginJpaEntity",
                            "DocumentJpaEntity",
                            "DocumentRevisionJpaEntity");
        }
    }

    private static List<Integer> appliedVersions(String url) throws SQLException {
        return query(
                        url,
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                                + "ORDER BY installed_rank")
                .stream()
                .map(Integer::valueOf)
                .toList();
    }

    private static List<String> tables(String url) throws SQLException {
        return query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private static List<String> extensions(String url) throws SQLException {
        return query(url, "SELECT extname FROM pg_extension");
    }

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<String> scripts(String folder, Pattern pattern) throws IOException, URISyntaxException {
        URL location = MigrationsTest.class.getClassLoader().getResource(folder);
        assertThat(location).as(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
            List<String> names = new ArrayList<>(
                    files.map(p -> p.getFileName().toString()).sorted().toList());
            assertThat(names).allSatisfy(name -> assertThat(name).matches(pattern));
            return names;
        }
    }

    private static int version(String name, Pattern pattern) {
        Matcher matcher = pattern.matcher(name);
        assertThat(matcher.matches()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

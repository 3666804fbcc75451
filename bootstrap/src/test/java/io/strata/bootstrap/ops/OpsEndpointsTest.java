package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Health, docs and server limits, against the full application. Deliberately NOT annotated: proves @MicronautTest is inherited. */
class OpsEndpointsTest extends IntegrationTest {

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of("strata.test.echo-controller", "true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheDatabaseToAnAdmin() {
        Map<String, Object> health =
                api().get("/health").token(adminToken()).send().expect(200).json();

        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> database =
                (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("database");
        assertThat(database).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) database.get("details");
        assertThat(details)
                .containsKeys(
                        "selectOneLatencyMs",
                        "migrationVersion",
                        "postgresVersion",
                        "pool",
                        "durability",
                        "availability");
        assertThat(((Number) details.get("selectOneLatencyMs")).doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(details.get("postgresVersion").toString()).startsWith("17.");
        Map<String, Object> pool = (Map<String, Object>) details.get("pool");
        assertThat(pool).containsKeys("total", "active", "idle", "waiting", "max");
        assertThat(((Number) pool.get("total")).intValue()).isPositive();
        assertThat((Map<String, Object>) details.get("availability")).containsEntry("circuit", "closed");
        assertThat(((Map<String, Object>) health.get("details"))).doesNotContainKey("jdbc");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthWarnsAnAdminWhenTheDatabaseIsNotDurable() {
        // the tests' PostgreSQL runs with fsync, synchronous_commit and full_page_writes off, on purpose (speed)
        Map<String, Object> health =
                api().get("/health").token(adminToken()).send().expect(200).json();

        Map<String, Object> database =
                (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("database");
        Map<String, Object> durability =
                (Map<String, Object>) ((Map<String, Object>) database.get("details")).get("durability");
        assertThat(durability)
                .containsEntry("fsync", "off")
                .containsEntry("synchronousCommit", "off")
                .containsEntry("fullPageWrites", "off");
        assertThat((java.util.List<String>) durability.get("warnings"))
                .anySatisfy(w -> assertThat(w).startsWith("fsync is off"))
                .anySatisfy(w -> assertThat(w).startsWith("synchronous_commit is off"));
    }

    @Test
    void healthShowsTheStatusOnlyToAnyoneButAnAdmin() {
        String user = api().newUser(adminToken(), "health", null).token();
        for (String token : new String[] {null, user, "not-a-valid-token", "a".repeat(300)}) {
            for (String path : new String[] {"/health", "/health/readiness", "/health/liveness"}) {
                Api.Response response = api().get(path).token(token).send().expect(200);
                assertThat(response.json()).as("%s with token %s", path, token).isEqualTo(Map.of("status", "UP"));
                assertThat(response.body()).doesNotContain("postgresVersion", "pool", "diskSpace", "total");
            }
        }
        assertThat(api().get("/health/readiness")
                        .token(adminToken())
                        .send()
                        .expect(200)
                        .body())
                .contains("\"database\"");
        assertThat(api().get("/health")
                        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .send()
                        .expect(200)
                        .json())
                .isEqualTo(Map.of("status", "UP"));
    }

    @Test
    void healthReportsTheLatestFlywayVersion() throws Exception {
        String expected;
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "");
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (rs.getBoolean(1)) {
                try (var versions = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                    expected = versions.next() ? versions.getString(1) : null;
                }
            } else {
                expected = null;
            }
        }
        String body =
                api().get("/health").token(adminToken()).send().expect(200).body();
        assertThat(body)
                .contains(expected == null ? "\"migrationVersion\":null" : "\"migrationVersion\":\"" + expected + "\"");
    }

    @Test
    void persistenceSettingsAreApplied() throws Exception {
        com.zaxxer.hikari.HikariDataSource hikari =
                bean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class);
        assertThat(hikari.getMaximumPoolSize()).isEqualTo(5);
        assertThat(hikari.getConnectionTimeout()).isEqualTo(5000);
        // pgjdbc reads driver properties with Properties.getProperty: a Boolean value would be silently ignored
        assertThat(hikari.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                .isEqualTo("true");

        var sessionFactory = bean(jakarta.persistence.EntityManagerFactory.class)
                .unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class);
        assertThat(sessionFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
        var options = sessionFactory.getSessionFactoryOptions();
        assertThat(options.getJdbcBatchSize()).isEqualTo(50);
        assertThat(options.isOrderInsertsEnabled()).isTrue();
        assertThat(options.isOrderUpdatesEnabled()).isTrue();
        assertThat(options.inClauseParameterPaddingEnabled()).isTrue();
        assertThat(options.getJdbcTimeZone()).isEqualTo(java.util.TimeZone.getTimeZone("UTC"));
        assertThat(options.isStatisticsEnabled()).isTrue(); // IntegrationTest turns statistics on
    }

    @Test
    void livenessAndReadiness() {
        assertThat(http().exchange(HttpRequest.GET("/health/liveness"), String.class)
                        .status()
                        .getCode())
                .isEqualTo(200);
        HttpResponse<String> readiness = http().exchange(HttpRequest.GET("/health/readiness"), String.class);
        assertThat(readiness.status().getCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void docsPageLoadsSwaggerUiFromTheWebjar() {
        HttpResponse<String> page = http().exchange(HttpRequest.GET("/docs"), String.class);
        assertThat(page.status().getCode()).isEqualTo(200);
        assertThat(page.getContentType())
                .hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo(MediaType.TEXT_HTML));
        assertThat(page.body()).contains("SwaggerUIBundle", "/openapi.yml");

        HttpResponse<String> script =
                http().exchange(HttpRequest.GET("/docs/assets/swagger-ui-bundle.js"), String.class);
        assertThat(script.status().getCode()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    @Test
    void openApiDocumentIsServed() {
        Assumptions.assumeTrue(
                OpenApiDocument.locate(getClass().getClassLoader()).isPresent(),
                "adapters-web has not generated an OpenAPI document yet (no META-INF/swagger/*.yml: no controllers?)");

        HttpResponse<String> response = http().exchange(HttpRequest.GET("/openapi.yml"), String.class);
        assertThat(response.status().getCode()).isEqualTo(200);
        assertThat(response.getContentType())
                .hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo(DocsController.YAML));
        assertThat(response.body()).contains("openapi:", "paths:");
    }

    @Test
    void bodiesOverOneMegabyteAreRejectedWith413() {
        String small = "x".repeat(1000);
        assertThat(http().retrieve(
                                HttpRequest.POST("/test/echo", small).contentType(MediaType.TEXT_PLAIN), String.class))
                .isEqualTo("1000");

        String large = "x".repeat(1024 * 1024 + 1);
        assertThatThrownBy(() -> http().exchange(
                                HttpRequest.POST("/test/echo", large).contentType(MediaType.TEXT_PLAIN), String.class))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(413));
    }
}

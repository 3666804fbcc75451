package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/admin/migrations}: the schema's status and history, for an ADMIN only. */
class MigrationsEndpointTest extends IntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void anAdminSeesTheStatusAndTheHistory() {
        Map<String, Object> body = api().get("/api/v1/admin/migrations")
                .token(adminToken())
                .send()
                .expect(200)
                .json();

        assertThat(body.get("currentVersion")).isEqualTo(body.get("latestKnown"));
        assertThat(body).containsEntry("pending", 0).containsEntry("failed", 0);
        List<Map<String, Object>> migrations = (List<Map<String, Object>>) body.get("migrations");
        assertThat(migrations).isNotEmpty().allSatisfy(migration -> {
            assertThat(migration).containsEntry("state", "applied").containsEntry("rollbackScript", true);
            assertThat(migration.get("installedAt").toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        });
        assertThat(migrations.get(0)).containsEntry("version", "1").containsEntry("description", "identity users");
        List<Map<String, Object>> history = (List<Map<String, Object>>) body.get("history");
        assertThat(history)
                .hasSameSizeAs(migrations)
                .allSatisfy(event -> assertThat(event).containsEntry("event", "applied"));
    }

    @Test
    void othersAreRefused() {
        api().get("/api/v1/admin/migrations").send().problem(401);
        String user = api().newUser(adminToken(), "migrations", "MANAGER").token();
        assertThat(api().get("/api/v1/admin/migrations")
                        .token(user)
                        .send()
                        .problem(403)
                        .get("detail")
                        .toString())
                .contains("only an ADMIN may read the schema's migrations");
    }
}

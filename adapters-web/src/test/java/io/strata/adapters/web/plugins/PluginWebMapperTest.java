package io.strata.adapters.web.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.plugins.Dismissal;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginId;
import io.strata.domain.plugins.PluginRelease;
import io.strata.domain.plugins.PluginSlug;
import io.strata.domain.plugins.PluginStatus;
import io.strata.domain.plugins.PluginType;
import io.strata.domain.plugins.SecurityScore;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.plugins.Severity;
import io.strata.domain.plugins.ViolationId;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Domain to response keeps every field; the release's version is "version", the lock's is "revision". */
class PluginWebMapperTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private final PluginWebMapper mapper = new PluginWebMapperImpl();

    @Test
    void pluginKeepsEveryField() {
        PluginId id = PluginId.newId();
        Plugin plugin = Plugin.reconstitute(
                id,
                new PluginSlug("task-timer"),
                new PluginRelease(
                        "Task Timer",
                        "1.2.0",
                        "d",
                        "Ada",
                        PluginType.UI,
                        "https://example.com/x",
                        "/p",
                        Map.of("entry", "x.js"),
                        List.of("read:tasks")),
                Map.of("enabled", true),
                PluginStatus.DISABLED,
                true,
                30,
                T0,
                T0.plusSeconds(5),
                "inst",
                new AuditStamp(7, T0, T0.plusSeconds(5)));
        assertThat(mapper.toResponse(plugin))
                .isEqualTo(new PluginResponse(
                        id.value(),
                        "task-timer",
                        "Task Timer",
                        "1.2.0",
                        "d",
                        "Ada",
                        PluginType.UI,
                        "https://example.com/x",
                        "/p",
                        Map.of("entry", "x.js"),
                        List.of("read:tasks"),
                        Map.of("enabled", true),
                        PluginStatus.DISABLED,
                        true,
                        30,
                        T0,
                        T0.plusSeconds(5),
                        "inst",
                        7,
                        T0,
                        T0.plusSeconds(5)));
    }

    @Test
    void violationsAndTheScoreKeepEveryField() {
        PluginId plugin = PluginId.newId();
        UserId by = new UserId(UUID.randomUUID());
        SecurityViolation open = new SecurityViolation(
                ViolationId.newId(), plugin, "1.0.0", "Pinned-Dependencies", Severity.HIGH, "e", T0, by, null);
        SecurityViolation dismissed = new SecurityViolation(
                ViolationId.newId(),
                plugin,
                "1.0.0",
                "Token-Permissions",
                Severity.LOW,
                null,
                T0,
                by,
                new Dismissal(T0.plusSeconds(1), by, "fine"));
        assertThat(mapper.toResponse(dismissed))
                .isEqualTo(new ViolationResponse(
                        dismissed.id().value(),
                        plugin.value(),
                        "1.0.0",
                        "Token-Permissions",
                        Severity.LOW,
                        null,
                        T0,
                        by.value(),
                        T0.plusSeconds(1),
                        by.value(),
                        "fine"));
        List<ScoreResponse.Check> checks =
                mapper.toChecks(SecurityScore.of(List.of(open, dismissed)).checks());
        assertThat(checks)
                .containsExactly(new ScoreResponse.Check(
                        "Pinned-Dependencies", Severity.HIGH, 7.5, 30, List.of(mapper.toResponse(open))));
    }
}

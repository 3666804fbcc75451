package io.strata.adapters.persistence.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginId;
import io.strata.domain.plugins.PluginRelease;
import io.strata.domain.plugins.PluginSlug;
import io.strata.domain.plugins.PluginStatus;
import io.strata.domain.plugins.PluginType;
import io.strata.domain.shared.model.AuditStamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain is the same object, field by field. */
class PluginJpaMapperTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    private final PluginJpaMapper mapper = new PluginJpaMapperImpl();

    static Plugin plugin(String version, Map<String, Object> config, PluginStatus status, Instant lastUpdated) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("entry", "dist/index.js");
        manifest.put("hooks", List.of("onTaskDone", Map.of("x", 1)));
        manifest.put("optional", null);
        return Plugin.reconstitute(
                PluginId.newId(),
                new PluginSlug("task-timer"),
                new PluginRelease(
                        "Task Timer",
                        version,
                        "Times tasks",
                        "Ada",
                        PluginType.AUTOMATION,
                        "https://example.com/task-timer",
                        "/plugins/task-timer",
                        manifest,
                        List.of("read:tasks", "write:tasks")),
                config,
                status,
                status == PluginStatus.DISABLED,
                35,
                T0,
                lastUpdated,
                "inst-1",
                new AuditStamp(4, T0, T0.plusSeconds(60)));
    }

    @Test
    void pluginRoundTripKeepsEveryField() {
        for (Instant lastUpdated : new Instant[] {null, T0.plusSeconds(30)}) {
            Plugin plugin = plugin(
                    "1.2.3-rc.1+b5",
                    Map.of("enabled", true, "nested", Map.of("a", 1)),
                    PluginStatus.DISABLED,
                    lastUpdated);
            assertThat(mapper.toDomain(mapper.toEntity(plugin)))
                    .usingRecursiveComparison()
                    .ignoringFields("events")
                    .isEqualTo(plugin);
        }
    }

    @Test
    void copyChangesTouchesOnlyTheMutableState() {
        Plugin stored = plugin("1.0.0", Map.of("a", 1), PluginStatus.ACTIVE, null);
        PluginJpaEntity row = mapper.toEntity(stored);
        Plugin changed = plugin("2.0.0", Map.of("b", 2), PluginStatus.DISABLED, T0.plusSeconds(9));
        mapper.copyChanges(changed, row);
        assertThat(row.getId()).isEqualTo(stored.id().value());
        assertThat(row.getPluginVersion()).isEqualTo("2.0.0");
        assertThat(row.getConfig()).isEqualTo(Map.of("b", 2));
        assertThat(row.getStatus()).isEqualTo(PluginStatus.DISABLED);
        assertThat(row.isDisabledByScore()).isTrue();
        assertThat(row.getLastUpdated()).isEqualTo(T0.plusSeconds(9));
        assertThat(row.getVersion()).isEqualTo(4);
    }
}

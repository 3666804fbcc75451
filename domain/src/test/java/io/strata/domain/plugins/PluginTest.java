package io.strata.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The plugin's rules: install and re-install, config, status, the score and its threshold. */
class PluginTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = now::get;
    private final UserId admin = new UserId(UUID.randomUUID());

    static PluginRelease release(String version, List<String> permissions) {
        return new PluginRelease(
                "Task Timer",
                version,
                "times tasks",
                "Ada",
                PluginType.UI,
                null,
                null,
                Map.of("entry", "a.js"),
                permissions);
    }

    private Plugin installed() {
        Plugin plugin = Plugin.install(
                new PluginSlug("task-timer"), release("1.0.0", List.of("read:tasks")), Map.of("a", 1), null, clock);
        plugin.pullEvents();
        return plugin;
    }

    @Test
    void installStartsInstalledWithAFullScoreAndRecordsItsEvent() {
        Plugin plugin = Plugin.install(
                new PluginSlug("task-timer"),
                release("1.0.0", List.of("read:tasks", "read:tasks")),
                null,
                "i-1",
                clock);
        assertThat(plugin.status()).isEqualTo(PluginStatus.INSTALLED);
        assertThat(plugin.securityScore()).isEqualTo(100);
        assertThat(plugin.config()).isEmpty();
        assertThat(plugin.release().permissions()).containsExactly("read:tasks");
        assertThat(plugin.pullEvents()).singleElement().isInstanceOf(PluginInstalled.class);
    }

    @Test
    void slugsVersionsAndPermissionsAreChecked() {
        for (String bad : new String[] {
            "",
            "Upper",
            "-lead",
            "has space",
            "a".repeat(101),
            UUID.randomUUID().toString()
        }) {
            assertThatThrownBy(() -> new PluginSlug(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
        for (String bad : new String[] {"1", "1.0", "01.0.0", "1.0.0-", "v1.0.0", "1.0.0.0"}) {
            assertThatThrownBy(() -> release(bad, List.of())).as(bad).isInstanceOf(ValidationException.class);
        }
        assertThat(release("1.0.0-alpha.1+build.5", List.of()).version()).isEqualTo("1.0.0-alpha.1+build.5");
        assertThatThrownBy(() -> release("1.0.0", List.of("has space")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("permissions[0]"));
        assertThatThrownBy(() -> new PluginRelease("n", "1.0.0", null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("type"));
        assertThat(PluginRef.parse("id", "task-timer")).isInstanceOf(PluginRef.BySlug.class);
        assertThat(PluginRef.parse("id", UUID.randomUUID().toString())).isInstanceOf(PluginRef.ById.class);
        assertThatThrownBy(() -> PluginRef.parse("id", "No Such")).isInstanceOf(ValidationException.class);
    }

    @Test
    void reinstallReplacesTheReleaseKeepsConfigUnlessGivenAndSaysWhatChanged() {
        Plugin plugin = installed();
        plugin.reinstall(release("1.1.0", List.of("read:tasks", "write:tasks")), null, clock);
        assertThat(plugin.pluginVersion()).isEqualTo("1.1.0");
        assertThat(plugin.config()).isEqualTo(Map.of("a", 1));
        assertThat(plugin.pullEvents())
                .singleElement()
                .isEqualTo(new PluginUpdated(
                        plugin.id(), "task-timer", "1.0.0", "1.1.0", List.of("version", "permissions"), now.get()));
        plugin.reinstall(release("1.1.0", List.of("read:tasks", "write:tasks")), Map.of("b", 2), clock);
        assertThat(plugin.config()).isEqualTo(Map.of("b", 2));
        plugin.pullEvents();
        plugin.reinstall(release("1.1.0", List.of("read:tasks", "write:tasks")), null, clock);
        assertThat(plugin.pullEvents()).isEmpty();
    }

    @Test
    void configPatchMergesDeeplyAndNullClears() {
        Plugin plugin = installed();
        plugin.patchConfig(Map.of("s", Map.of("x", 1)), clock);
        assertThat(plugin.config()).isEqualTo(Map.of("a", 1, "s", Map.of("x", 1)));
        assertThat(plugin.pullEvents()).singleElement().isInstanceOf(PluginUpdated.class);
        plugin.patchConfig(Map.of("a", 1), clock);
        assertThat(plugin.pullEvents()).isEmpty();
        plugin.patchConfig(null, clock);
        assertThat(plugin.config()).isEmpty();
        assertThatThrownBy(() -> plugin.patchConfig(Map.of("bad", "nul\u0000"), clock))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theScoreDisablesAtTheThresholdAndEnableWaitsForADismissal() {
        Plugin plugin = installed();
        plugin.enable(40, clock);
        assertThat(plugin.pullEvents()).singleElement().isInstanceOf(PluginStatusChanged.class);
        List<SecurityViolation> ledger = new ArrayList<>();
        ledger.add(SecurityViolation.record(plugin, "Dangerous-Workflow", Severity.CRITICAL, "e", admin, clock));
        plugin.violationRecorded(ledger.get(0), SecurityScore.of(ledger), 40, clock);
        assertThat(plugin.securityScore()).isEqualTo(60);
        assertThat(plugin.status()).isEqualTo(PluginStatus.ACTIVE);
        ledger.add(SecurityViolation.record(plugin, "Token-Permissions", Severity.MEDIUM, null, admin, clock));
        plugin.violationRecorded(ledger.get(1), SecurityScore.of(ledger), 40, clock);
        assertThat(plugin.securityScore()).isEqualTo(40);
        assertThat(plugin.status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(plugin.disabledByScore()).isTrue();
        List<DomainEvent> events = plugin.pullEvents();
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "PluginViolationRecorded",
                        "PluginViolationRecorded",
                        "PluginStatusChanged",
                        "PluginDisabledByScore");
        assertThatThrownBy(() -> plugin.enable(40, clock)).isInstanceOf(ConflictException.class);

        SecurityViolation dismissed = ledger.get(1).dismiss(admin, "accepted risk", clock);
        ledger.set(1, dismissed);
        plugin.violationDismissed(dismissed, SecurityScore.of(ledger), 40, clock);
        assertThat(plugin.securityScore()).isEqualTo(60);
        assertThat(plugin.status()).isEqualTo(PluginStatus.DISABLED);
        plugin.enable(40, clock);
        assertThat(plugin.status()).isEqualTo(PluginStatus.ACTIVE);
        assertThat(plugin.disabledByScore()).isFalse();
        assertThatThrownBy(() -> dismissed.dismiss(admin, "again", clock)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ledger.get(0).dismiss(admin, " ", clock)).isInstanceOf(ValidationException.class);
    }

    @Test
    void anOperatorsDisableIsNotByScore() {
        Plugin plugin = installed();
        plugin.disable(clock);
        assertThat(plugin.status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(plugin.disabledByScore()).isFalse();
        plugin.disable(clock);
        assertThat(plugin.pullEvents()).hasSize(1);
    }
}

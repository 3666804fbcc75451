package io.strata.domain.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The score: Scorecard weights, a check fails once, dismissed violations do not count, floor 0. */
class SecurityScoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final PluginId PLUGIN = PluginId.newId();
    private static final UserId BY = new UserId(UUID.randomUUID());

    private static SecurityViolation violation(String check, Severity severity, int second) {
        return new SecurityViolation(
                ViolationId.newId(), PLUGIN, "1.0.0", check, severity, null, T0.plusSeconds(second), BY, null);
    }

    @Test
    void weightsAreScorecardsAndPenaltiesFourTimesThem() {
        assertThat(List.of(Severity.values())).extracting(Severity::weight).containsExactly(2.5, 5.0, 7.5, 10.0);
        assertThat(List.of(Severity.values())).extracting(Severity::penalty).containsExactly(10, 20, 30, 40);
    }

    @Test
    void anEmptyLedgerScores100() {
        assertThat(SecurityScore.of(List.of())).isEqualTo(new SecurityScore(100, List.of()));
    }

    @Test
    void eachFailingCheckCostsItsWorstSeverityOnce() {
        SecurityViolation low = violation("Pinned-Dependencies", Severity.LOW, 1);
        SecurityViolation high = violation("Pinned-Dependencies", Severity.HIGH, 2);
        SecurityViolation medium = violation("Token-Permissions", Severity.MEDIUM, 3);
        SecurityScore score = SecurityScore.of(List.of(low, high, medium));
        assertThat(score.score()).isEqualTo(100 - 30 - 20);
        assertThat(score.checks())
                .containsExactly(
                        new SecurityScore.CheckContribution(
                                "Pinned-Dependencies", Severity.HIGH, 30, List.of(low, high)),
                        new SecurityScore.CheckContribution("Token-Permissions", Severity.MEDIUM, 20, List.of(medium)));
    }

    @Test
    void dismissedViolationsDoNotCountAndTheScoreStopsAtZero() {
        SecurityViolation dismissed =
                violation("Dangerous-Workflow", Severity.CRITICAL, 1).dismiss(BY, "false positive", () -> T0);
        assertThat(SecurityScore.of(List.of(dismissed)).score()).isEqualTo(100);
        List<SecurityViolation> many = List.of(
                violation("a", Severity.CRITICAL, 1),
                violation("b", Severity.CRITICAL, 2),
                violation("c", Severity.CRITICAL, 3));
        assertThat(SecurityScore.of(many).score()).isZero();
    }

    @Test
    void checksAreNamed() {
        assertThat(SecurityViolation.check("Dangerous-Workflow")).isEqualTo("Dangerous-Workflow");
        for (String bad : new String[] {"", "has space", "-lead", "x".repeat(101)}) {
            assertThatThrownBy(() -> SecurityViolation.check(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }
}

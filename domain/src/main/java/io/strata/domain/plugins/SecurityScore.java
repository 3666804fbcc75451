package io.strata.domain.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's security score, 0..100, from its undismissed violations, weighted by severity the way OpenSSF
 * Scorecard weights its checks: each failing check takes its most severe violation's penalty
 * ({@link Severity#penalty()}) off 100, once (more findings of the same check do not fail it twice); the score
 * never goes below 0. Dismissed violations do not count.
 */
public record SecurityScore(int score, List<CheckContribution> checks) {
    public static final int MAX = 100;

    /** One failing check: its severity (the worst of its violations), the points it costs, the violations. */
    public record CheckContribution(String check, Severity severity, int penalty, List<SecurityViolation> violations) {
        public CheckContribution {
            violations = List.copyOf(violations);
        }
    }

    public SecurityScore {
        checks = List.copyOf(checks);
    }

    public static SecurityScore of(List<SecurityViolation> ledger) {
        Map<String, List<SecurityViolation>> byCheck = new LinkedHashMap<>();
        ledger.stream()
                .filter(v -> !v.dismissed())
                .sorted(Comparator.comparing(SecurityViolation::recordedAt)
                        .thenComparing(v -> v.id().value().toString()))
                .forEach(v -> byCheck.computeIfAbsent(v.check(), c -> new ArrayList<>())
                        .add(v));
        List<CheckContribution> checks = new ArrayList<>();
        int penalty = 0;
        for (Map.Entry<String, List<SecurityViolation>> entry : byCheck.entrySet()) {
            Severity worst = entry.getValue().stream()
                    .map(SecurityViolation::severity)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            checks.add(new CheckContribution(entry.getKey(), worst, worst.penalty(), entry.getValue()));
            penalty += worst.penalty();
        }
        checks.sort(
                Comparator.comparing(CheckContribution::penalty).reversed().thenComparing(CheckContribution::check));
        return new SecurityScore(Math.max(0, MAX - penalty), checks);
    }
}

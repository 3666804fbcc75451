package io.strata.application.shared;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
public class InvariantQueryService implements InvariantQueries {

    private final Map<String, InvariantCheck> checks;

    public InvariantQueryService(List<InvariantCheck> checks) {
        this.checks = checks.stream()
                .sorted(Comparator.comparing(InvariantCheck::name))
                .collect(Collectors.toMap(
                        InvariantCheck::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Override
    public List<String> names() {
        return List.copyOf(checks.keySet());
    }

    @Override
    @ReadOnlyTransaction
    public List<String> violations(String name, int limit) {
        InvariantCheck check = checks.get(name);
        if (check == null) {
            throw new IllegalArgumentException("no invariant check named " + name);
        }
        return check.violations(limit);
    }
}

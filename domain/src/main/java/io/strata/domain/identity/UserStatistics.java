package io.strata.domain.identity;

import io.strata.domain.shared.user.Role;
import java.util.Map;

public record UserStatistics(
        long total, long active, long inactive, Map<Role, Long> byRole, long uniqueTags, double averageAccountAgeDays) {
    public UserStatistics {
        byRole = Map.copyOf(byRole);
    }
}

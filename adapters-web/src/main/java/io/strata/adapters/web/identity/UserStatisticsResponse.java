package io.strata.adapters.web.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.shared.user.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "UserStatistics")
public record UserStatisticsResponse(
        long total,
        long active,
        long inactive,
        Map<Role, Long> byRole,
        long uniqueTags,
        double averageAccountAgeDays) {}

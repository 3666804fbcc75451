package io.strata.adapters.web.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.ai.UsageGrouping;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The usage report: its question, the groups in key order and the total (null when nothing matched). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "UsageReport")
public record UsageReportResponse(
        UsageGrouping groupBy,
        @Nullable Instant from,
        @Nullable Instant to,
        String zone,
        @Nullable String model,
        @Nullable String module,
        @Nullable UUID userId,
        List<UsageRowResponse> groups,
        @Nullable UsageRowResponse total) {}

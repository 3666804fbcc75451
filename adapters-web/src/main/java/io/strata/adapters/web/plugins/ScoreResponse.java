package io.strata.adapters.web.plugins;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.plugins.PluginStatus;
import io.strata.domain.plugins.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * A plugin's security score explained: 100 minus each failing check's penalty (its worst undismissed violation's
 * severity: OpenSSF Scorecard weight x 4 points), floored at 0; dismissed violations are listed and do not count.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "SecurityScore")
public record ScoreResponse(
        UUID pluginId,
        String slug,
        int score,

        @Schema(description = "at or below this score the plugin is disabled")
        int threshold,

        PluginStatus status,
        boolean disabledByScore,
        List<Check> checks,
        List<ViolationResponse> dismissed) {

    /** One failing check and what it costs. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SecurityScoreCheck")
    public record Check(
            String check,
            Severity severity,

            @Schema(description = "OpenSSF Scorecard risk weight of the severity")
            double weight,

            @Schema(description = "points taken off the score")
            int penalty,

            List<ViolationResponse> violations) {}
}

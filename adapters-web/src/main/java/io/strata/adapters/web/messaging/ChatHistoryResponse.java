package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of a room's history, newest first, with the cursors to the older and newer pages. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ChatHistory")
public record ChatHistoryResponse(
        List<ChatMessageResponse> items,

        @Schema(description = "Pass as ?before= for the older messages; null when there are none") @Nullable String before,

        @Schema(description = "Pass as ?after= for the newer messages; null when none were known") @Nullable String after) {}

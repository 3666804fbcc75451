package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What changed in a room after a checkpoint, oldest change first, and the checkpoint to poll from next. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ChatChanges")
public record ChatChangesResponse(List<ChatChangeResponse> changes, long checkpoint) {

    /** One changed message in its latest state; {@code change} says what happened since the checkpoint. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ChatChange")
    public record ChatChangeResponse(
            @Schema(allowableValues = {"POSTED", "EDITED", "DELETED"})
            String change,

            ChatMessageResponse message) {}
}

package io.strata.adapters.web.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A chat room as its members see it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ChatRoom")
public record ChatRoomResponse(
        UUID id, String name, UUID creatorId, Set<UUID> members, long version, Instant createdAt, Instant updatedAt) {}

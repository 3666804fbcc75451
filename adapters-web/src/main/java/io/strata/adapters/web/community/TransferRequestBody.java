package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST .../transfers}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(
        name = "TransferRequest",
        requiredProperties = {"id", "amount"})
public record TransferRequestBody(
        @Schema(
                description = "Chosen by the client (a UUID); a retry with the same id and body returns the first "
                        + "result, the same id with another body is a 409")
        @Nullable String id,

        @Schema(description = "Sender's user id; absent: the guild's account (a moderator's award)") @Nullable Long from,

        @Schema(description = "Receiver's user id; absent: the guild's account (a moderator's deduction)") @Nullable Long to,

        @Schema(description = "More than 0") @Nullable Long amount,
        @Nullable String reason) {}

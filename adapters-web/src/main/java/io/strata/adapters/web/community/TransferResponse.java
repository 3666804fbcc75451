package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A ledger row with both balances right after it (null for the guild's account). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Transfer")
public record TransferResponse(
        UUID id,
        @Nullable Long from,
        @Nullable Long to,
        long amount,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Long fromBalanceAfter,
        @Nullable Long toBalanceAfter) {}

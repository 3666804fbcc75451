package io.strata.adapters.web.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Every member's balance at an instant, replayed from the ledger. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Balances")
public record BalancesResponse(Instant at, List<Balance> balances) {
    @Serdeable
    @Schema(name = "Balance")
    public record Balance(long userId, long points) {}
}

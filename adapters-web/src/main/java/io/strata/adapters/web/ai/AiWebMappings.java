package io.strata.adapters.web.ai;

import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.shared.user.UserId;
import java.math.BigDecimal;
import java.util.UUID;

/** The ai context's ids and amounts as responses show them; MapStruct picks these by type. */
final class AiWebMappings {
    private AiWebMappings() {}

    static UUID uuid(AiInteractionId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(ModelPriceId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    /** Money as an exact decimal string, never in exponent notation (0.000000100000, not 1.00000E-7). */
    static String usd(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}

package io.strata.adapters.persistence.ai;

import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.shared.user.UserId;
import java.util.UUID;

/** The ai context's ids (and the user ids it refers to) to and from columns; MapStruct picks them by type. */
interface AiJpaMappings {

    default UUID uuid(AiInteractionId id) {
        return id == null ? null : id.value();
    }

    default AiInteractionId interactionId(UUID id) {
        return id == null ? null : new AiInteractionId(id);
    }

    default UUID uuid(ModelPriceId id) {
        return id == null ? null : id.value();
    }

    default ModelPriceId priceId(UUID id) {
        return id == null ? null : new ModelPriceId(id);
    }

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    default UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }
}

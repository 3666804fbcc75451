package io.strata.domain.ai;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** One version of the price book: a price row. An interaction priced from it keeps this id as its price version. */
public record ModelPriceId(UUID value) implements Identifier {
    public ModelPriceId {
        Objects.requireNonNull(value, "price id");
    }

    public static ModelPriceId newId() {
        return new ModelPriceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

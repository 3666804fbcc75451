package io.strata.adapters.persistence.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.CostSource;
import io.strata.domain.ai.InteractionCost;
import io.strata.domain.ai.InteractionStatus;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.Outcome;
import io.strata.domain.ai.PriceRates;
import io.strata.domain.ai.TokenUsage;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain is the same state, field by field, for both ai mappers. */
class AiJpaMappersTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00.123456Z");
    private final AiInteractionJpaMapper interactions = new AiInteractionJpaMapperImpl();
    private final ModelPriceJpaMapper prices = new ModelPriceJpaMapperImpl();

    @Test
    void interactionRoundTripKeepsEveryField() {
        AiInteraction interaction = AiInteraction.reconstitute(
                AiInteractionId.newId(),
                new UserId(UUID.randomUUID()),
                "documents",
                "gpt-4o",
                "prompt",
                "response",
                new TokenUsage(10, 4, 5, 15),
                new InteractionCost(new BigDecimal("0.000012345678"), CostSource.PRICE_BOOK, ModelPriceId.newId()),
                new Outcome(InteractionStatus.ERROR, "overloaded", 1234),
                T0,
                new AuditStamp(2, T0.plusSeconds(1), T0.plusSeconds(2)));
        assertThat(interactions.toDomain(interactions.toEntity(interaction)))
                .usingRecursiveComparison()
                .isEqualTo(interaction);
    }

    @Test
    void unpricedInteractionRoundTripKeepsTheNulls() {
        AiInteraction interaction = AiInteraction.reconstitute(
                AiInteractionId.newId(),
                new UserId(UUID.randomUUID()),
                "chat",
                "m",
                null,
                null,
                new TokenUsage(0, 0, 0, 0),
                InteractionCost.UNPRICED,
                new Outcome(InteractionStatus.SUCCESS, null, 0),
                T0,
                new AuditStamp(0, T0, T0));
        AiInteraction back = interactions.toDomain(interactions.toEntity(interaction));
        assertThat(back).usingRecursiveComparison().isEqualTo(interaction);
        assertThat(back.cost()).isEqualTo(InteractionCost.UNPRICED);
    }

    @Test
    void priceRoundTripKeepsEveryField() {
        ModelPrice price = ModelPrice.reconstitute(
                ModelPriceId.newId(),
                "claude-*",
                new PriceRates(new BigDecimal("3.000001"), new BigDecimal("0.3"), new BigDecimal("15")),
                T0,
                new AuditStamp(0, T0, T0));
        assertThat(prices.toDomain(prices.toEntity(price)))
                .usingRecursiveComparison()
                .isEqualTo(price);
    }
}

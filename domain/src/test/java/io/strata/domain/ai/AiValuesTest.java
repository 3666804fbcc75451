package io.strata.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ai context's rules: token breakdown, exact money, outcomes, price versions, recording. */
class AiValuesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final Clock clock = () -> NOW;

    private static String fieldOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().get(0).field();
        }
        throw new AssertionError("no validation error");
    }

    @Test
    void theTotalIsPromptPlusCompletionAndCachedIsPartOfThePrompt() {
        assertThat(TokenUsage.of(100L, null, 50L, null)).isEqualTo(new TokenUsage(100, 0, 50, 150));
        assertThat(TokenUsage.of(100L, 40L, 50L, 150L).uncachedPromptTokens()).isEqualTo(60);
        assertThat(fieldOf(() -> TokenUsage.of(100L, 0L, 50L, 151L))).isEqualTo("totalTokens");
        assertThat(fieldOf(() -> TokenUsage.of(100L, 101L, 50L, null))).isEqualTo("cachedPromptTokens");
        assertThat(fieldOf(() -> TokenUsage.of(-1L, 0L, 50L, null))).isEqualTo("promptTokens");
        assertThat(fieldOf(() -> TokenUsage.of(1L, 0L, TokenUsage.MAX_TOKENS + 1, null)))
                .isEqualTo("completionTokens");
        assertThat(fieldOf(() -> TokenUsage.of(null, 0L, 1L, null))).isEqualTo("promptTokens");
    }

    @Test
    void costsAreExactWithTwelveDecimals() {
        PriceRates rates = new PriceRates(new BigDecimal("0.15"), new BigDecimal("0.075"), new BigDecimal("0.6"));
        // 900 x 0.15 + 100 x 0.075 + 333 x 0.6 = 135 + 7.5 + 199.8 = 342.3 per million
        assertThat(rates.costOf(new TokenUsage(1000, 100, 333, 1333))).isEqualTo(new BigDecimal("0.000342300000"));
        PriceRates odd = new PriceRates(new BigDecimal("0.000001"), null, new BigDecimal("0"));
        assertThat(odd.cachedInputPerMillion()).isEqualTo(new BigDecimal("0.000001"));
        assertThat(odd.costOf(new TokenUsage(1, 1, 0, 1)).toPlainString()).isEqualTo("0.000000000001");
        assertThat(Usd.cost("costUsd", new BigDecimal("1E-12")).toPlainString()).isEqualTo("0.000000000001");
        assertThat(fieldOf(() -> Usd.cost("costUsd", new BigDecimal("1E-13")))).isEqualTo("costUsd");
        assertThat(fieldOf(() -> Usd.cost("costUsd", new BigDecimal("0E-999999999"))))
                .isEqualTo("costUsd");
        assertThat(fieldOf(() -> Usd.cost("costUsd", new BigDecimal("-0.01")))).isEqualTo("costUsd");
        assertThat(fieldOf(() -> Usd.cost("costUsd", Usd.MAX))).isEqualTo("costUsd");
        assertThat(fieldOf(() -> new PriceRates(new BigDecimal("1.0000001"), null, BigDecimal.ONE)))
                .isEqualTo("inputPerMillion");
        assertThatThrownBy(() -> new PriceRates(null, new BigDecimal("-1"), null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactly("inputPerMillion", "cachedInputPerMillion", "outputPerMillion"));
    }

    @Test
    void anErrorMessageBelongsToAnErrorAndLatencyIsBounded() {
        assertThat(Outcome.of(null, null, 5L)).isEqualTo(new Outcome(InteractionStatus.SUCCESS, null, 5));
        assertThat(Outcome.of(InteractionStatus.ERROR, " timeout ", 5L).errorMessage())
                .isEqualTo("timeout");
        assertThat(fieldOf(() -> Outcome.of(InteractionStatus.SUCCESS, "x", 5L)))
                .isEqualTo("errorMessage");
        assertThat(fieldOf(() -> Outcome.of(null, null, null))).isEqualTo("latencyMs");
        assertThat(fieldOf(() -> Outcome.of(null, null, Outcome.MAX_LATENCY_MS + 1)))
                .isEqualTo("latencyMs");
    }

    @Test
    void aPriceVersionIsAModelOrAPatternFromAnInstant() {
        ModelPrice price = ModelPrice.create(
                "gpt-4o*", BigDecimal.ONE, null, BigDecimal.TEN, Instant.parse("2026-01-01T00:00:00.0000001Z"), clock);
        assertThat(price.isPattern()).isTrue();
        assertThat(price.effectiveFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(price.pullEvents()).singleElement().isInstanceOf(ModelPriceAdded.class);
        assertThatThrownBy(() -> ModelPrice.create("no spaces", null, null, null, null, clock))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactly("model", "inputPerMillion", "outputPerMillion", "effectiveFrom"));
    }

    @Test
    void recordingTakesTheGivenCostElseThePriceElseNone() {
        UserId user = new UserId(UUID.randomUUID());
        TokenUsage tokens = new TokenUsage(1_000_000, 0, 0, 1_000_000);
        Outcome ok = Outcome.of(null, null, 10L);
        ModelPrice price = ModelPrice.create("m", new BigDecimal("2"), null, BigDecimal.ONE, NOW, clock);

        AiInteraction given = AiInteraction.record(
                user, "docs", "m", null, null, tokens, new BigDecimal("0.5"), Optional.of(price), ok, NOW, clock);
        assertThat(given.cost())
                .isEqualTo(new InteractionCost(new BigDecimal("0.500000000000"), CostSource.GIVEN, null));
        AiInteraction priced =
                AiInteraction.record(user, "docs", "m", null, null, tokens, null, Optional.of(price), ok, NOW, clock);
        assertThat(priced.cost())
                .isEqualTo(new InteractionCost(new BigDecimal("2.000000000000"), CostSource.PRICE_BOOK, price.id()));
        AiInteraction unpriced =
                AiInteraction.record(user, "docs", "m", " keep ", null, tokens, null, Optional.empty(), ok, NOW, clock);
        assertThat(unpriced.cost()).isEqualTo(InteractionCost.UNPRICED);
        assertThat(unpriced.prompt()).isEqualTo(" keep ");
        assertThat(unpriced.pullEvents()).singleElement().isInstanceOf(AiInteractionRecorded.class);
        assertThatThrownBy(() -> AiInteraction.record(
                        user, " ", "", "\u0000", null, tokens, null, Optional.empty(), ok, NOW, clock))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactly("module", "model", "prompt"));
    }

    @Test
    void anInteractionHappensNowOrInThePast() {
        assertThat(AiInteraction.occurredAt(null, clock)).isEqualTo(NOW);
        assertThat(AiInteraction.occurredAt(NOW.plusSeconds(60), clock)).isEqualTo(NOW.plusSeconds(60)); // skew
        assertThat(fieldOf(() -> AiInteraction.occurredAt(NOW.plusSeconds(3600), clock)))
                .isEqualTo("occurredAt");
        assertThat(fieldOf(() -> AiInteraction.occurredAt(Instant.MIN, clock))).isEqualTo("occurredAt");
    }

    @Test
    void aUsageQueryNeedsAGroupingAndAnOrderedRange() {
        assertThat(new UsageQuery(UsageGrouping.DAY, null, null, null, null, null, null)
                        .zone()
                        .getId())
                .isEqualTo("UTC");
        assertThat(fieldOf(() -> new UsageQuery(null, null, null, null, null, null, null)))
                .isEqualTo("groupBy");
        assertThat(fieldOf(() -> new UsageQuery(UsageGrouping.DAY, NOW, NOW, null, null, null, null)))
                .isEqualTo("to");
    }
}

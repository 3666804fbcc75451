package io.strata.adapters.web.ai;

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
import io.strata.domain.ai.RepriceResult;
import io.strata.domain.ai.TokenUsage;
import io.strata.domain.ai.UsageGrouping;
import io.strata.domain.ai.UsageQuery;
import io.strata.domain.ai.UsageReport;
import io.strata.domain.ai.UsageRow;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Domain to response keeps every field; money leaves as exact plain decimal strings. */
class AiWebMapperTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private final AiWebMapper mapper = new AiWebMapperImpl();

    @Test
    void interactionKeepsEveryFieldAndMoneyIsAPlainString() {
        ModelPriceId price = ModelPriceId.newId();
        UserId user = new UserId(UUID.randomUUID());
        AiInteraction interaction = AiInteraction.reconstitute(
                AiInteractionId.newId(),
                user,
                "documents",
                "gpt-4o",
                "p",
                "r",
                new TokenUsage(10, 4, 5, 15),
                new InteractionCost(new BigDecimal("0.000000100000"), CostSource.PRICE_BOOK, price),
                new Outcome(InteractionStatus.ERROR, "overloaded", 1234),
                T0,
                new AuditStamp(2, T0.plusSeconds(1), T0.plusSeconds(2)));
        assertThat(mapper.toResponse(interaction))
                .isEqualTo(new AiInteractionResponse(
                        interaction.id().value(),
                        user.value(),
                        "documents",
                        "gpt-4o",
                        "p",
                        "r",
                        10,
                        4,
                        5,
                        15,
                        "0.000000100000",
                        CostSource.PRICE_BOOK,
                        price.value(),
                        1234,
                        InteractionStatus.ERROR,
                        "overloaded",
                        T0,
                        2,
                        T0.plusSeconds(1),
                        T0.plusSeconds(2)));
    }

    @Test
    void priceKeepsEveryField() {
        ModelPrice price = ModelPrice.reconstitute(
                ModelPriceId.newId(),
                "claude-*",
                new PriceRates(new BigDecimal("3"), null, new BigDecimal("15.5")),
                T0,
                new AuditStamp(0, T0, T0));
        assertThat(mapper.toResponse(price))
                .isEqualTo(new ModelPriceResponse(
                        price.id().value(), "claude-*", true, "3.000000", "3.000000", "15.500000", T0, 0, T0, T0));
    }

    @Test
    void reportAndRepriceKeepEveryFigure() {
        UserId user = new UserId(UUID.randomUUID());
        UsageQuery query = new UsageQuery(
                UsageGrouping.MODEL, T0, T0.plusSeconds(60), ZoneId.of("Europe/Paris"), "m", "docs", user);
        UsageRow row = new UsageRow("m", 3, 1, 30, 3, 20, 50, new BigDecimal("0.000001000000"), 1, 12.5, 99.25);
        UsageRowResponse rowResponse = new UsageRowResponse("m", 3, 1, 30, 3, 20, 50, "0.000001000000", 1, 12.5, 99.25);
        assertThat(mapper.toResponse(new UsageReport(query, List.of(row), row)))
                .isEqualTo(new UsageReportResponse(
                        UsageGrouping.MODEL,
                        T0,
                        T0.plusSeconds(60),
                        "Europe/Paris",
                        "m",
                        "docs",
                        user.value(),
                        List.of(rowResponse),
                        rowResponse));
        assertThat(mapper.toResponse(
                        new RepriceResult(2, new BigDecimal("1.500000000000"), new BigDecimal("1.250000000000")),
                        T0,
                        T0.plusSeconds(1)))
                .isEqualTo(new RepriceResponse(
                        T0, T0.plusSeconds(1), 2, "1.500000000000", "1.250000000000", "-0.250000000000"));
    }
}

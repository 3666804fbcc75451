package io.strata.adapters.web.ai;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.RepriceResult;
import io.strata.domain.ai.UsageReport;
import io.strata.domain.ai.UsageRow;
import java.time.Instant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for interactions, price book versions, usage reports and reprice results. */
@Mapper(config = WebMapperConfig.class, uses = AiWebMappings.class)
public interface AiWebMapper {

    @Mapping(target = "promptTokens", source = "tokens.promptTokens")
    @Mapping(target = "cachedPromptTokens", source = "tokens.cachedPromptTokens")
    @Mapping(target = "completionTokens", source = "tokens.completionTokens")
    @Mapping(target = "totalTokens", source = "tokens.totalTokens")
    @Mapping(target = "costUsd", source = "cost.usd")
    @Mapping(target = "costSource", source = "cost.source")
    @Mapping(target = "priceVersion", source = "cost.priceVersion")
    @Mapping(target = "status", source = "outcome.status")
    @Mapping(target = "errorMessage", source = "outcome.errorMessage")
    @Mapping(target = "latencyMs", source = "outcome.latencyMs")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    AiInteractionResponse toResponse(AiInteraction interaction);

    @Mapping(target = "inputPerMillion", source = "price.rates.inputPerMillion")
    @Mapping(target = "cachedInputPerMillion", source = "price.rates.cachedInputPerMillion")
    @Mapping(target = "outputPerMillion", source = "price.rates.outputPerMillion")
    @Mapping(target = "version", source = "price.stamp.version")
    @Mapping(target = "createdAt", source = "price.stamp.createdAt")
    @Mapping(target = "updatedAt", source = "price.stamp.updatedAt")
    @Mapping(target = "id", source = "price.id")
    @Mapping(target = "model", source = "price.model")
    @Mapping(target = "effectiveFrom", source = "price.effectiveFrom")
    ModelPriceResponse toResponse(ModelPrice price, boolean pattern);

    default ModelPriceResponse toResponse(ModelPrice price) {
        return toResponse(price, price.isPattern());
    }

    UsageRowResponse toResponse(UsageRow row);

    @Mapping(target = "groupBy", source = "query.grouping")
    @Mapping(target = "from", source = "query.from")
    @Mapping(target = "to", source = "query.to")
    @Mapping(target = "zone", source = "query.zone")
    @Mapping(target = "model", source = "query.model")
    @Mapping(target = "module", source = "query.module")
    @Mapping(target = "userId", source = "query.userId")
    UsageReportResponse toResponse(UsageReport report);

    /** By hand: the difference is computed by the result, not a property of it. */
    default RepriceResponse toResponse(RepriceResult result, Instant from, Instant to) {
        return new RepriceResponse(
                from,
                to,
                result.repriced(),
                AiWebMappings.usd(result.previousCostUsd()),
                AiWebMappings.usd(result.newCostUsd()),
                AiWebMappings.usd(result.differenceUsd()));
    }

    default String zone(java.time.ZoneId zone) {
        return zone.getId();
    }
}

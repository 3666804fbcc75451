package io.strata.adapters.persistence.ai;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.InteractionCost;
import io.strata.domain.ai.Outcome;
import io.strata.domain.ai.TokenUsage;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** {@link AiInteraction} to and from {@link AiInteractionJpaEntity}; interactions are inserted, never copied onto. */
@Mapper(config = JpaMapperConfig.class)
interface AiInteractionJpaMapper extends KernelJpaMappings, AiJpaMappings {

    default AiInteraction toDomain(AiInteractionJpaEntity row) {
        return AiInteraction.reconstitute(
                interactionId(row.getId()),
                userId(row.getUserId()),
                row.getModule(),
                row.getModel(),
                row.getPrompt(),
                row.getResponse(),
                tokens(row),
                cost(row),
                outcome(row),
                row.getOccurredAt(),
                stamp(row));
    }

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // four columns of the row
    TokenUsage tokens(AiInteractionJpaEntity row);

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // three columns of the row
    Outcome outcome(AiInteractionJpaEntity row);

    default InteractionCost cost(AiInteractionJpaEntity row) {
        return new InteractionCost(row.getCostUsd(), row.getCostSource(), priceId(row.getPriceId()));
    }

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "promptTokens", source = "tokens.promptTokens")
    @Mapping(target = "cachedPromptTokens", source = "tokens.cachedPromptTokens")
    @Mapping(target = "completionTokens", source = "tokens.completionTokens")
    @Mapping(target = "totalTokens", source = "tokens.totalTokens")
    @Mapping(target = "costUsd", source = "cost.usd")
    @Mapping(target = "costSource", source = "cost.source")
    @Mapping(target = "priceId", source = "cost.priceVersion")
    @Mapping(target = "status", source = "outcome.status")
    @Mapping(target = "errorMessage", source = "outcome.errorMessage")
    @Mapping(target = "latencyMs", source = "outcome.latencyMs")
    AiInteractionJpaEntity toEntity(AiInteraction interaction);
}

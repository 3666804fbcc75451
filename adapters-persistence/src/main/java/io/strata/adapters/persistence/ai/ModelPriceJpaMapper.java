package io.strata.adapters.persistence.ai;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.PriceRates;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** {@link ModelPrice} to and from {@link ModelPriceJpaEntity}; price versions are immutable. */
@Mapper(config = JpaMapperConfig.class)
interface ModelPriceJpaMapper extends KernelJpaMappings, AiJpaMappings {

    default ModelPrice toDomain(ModelPriceJpaEntity row) {
        return ModelPrice.reconstitute(
                priceId(row.getId()), row.getModel(), rates(row), row.getEffectiveFrom(), stamp(row));
    }

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // three columns of the row
    PriceRates rates(ModelPriceJpaEntity row);

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "inputPerMillion", source = "rates.inputPerMillion")
    @Mapping(target = "cachedInputPerMillion", source = "rates.cachedInputPerMillion")
    @Mapping(target = "outputPerMillion", source = "rates.outputPerMillion")
    ModelPriceJpaEntity toEntity(ModelPrice price);
}

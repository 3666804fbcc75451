package io.strata.adapters.persistence.shared;

import org.mapstruct.CollectionMappingStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * The settings every {@code *JpaMapper} shares ({@code @Mapper(config = JpaMapperConfig.class)}): a
 * column nobody fills and a domain property nobody stores both fail the build. MapStruct reads the
 * domain's fluent accessors ({@code user.email()}) through the {@code processor} module's
 * {@code FluentAccessorNamingStrategy}, so every mapping is checked by the compiler.
 *
 * <p>A collection or JSON column is set to a new value, never cleared and refilled in place
 * ({@code TARGET_IMMUTABLE}); the child collections that must change in place (project members, task
 * dependencies) are copied by the mapper's own {@code @AfterMapping}.
 */
@MapperConfig(
        componentModel = MappingConstants.ComponentModel.JAKARTA,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR,
        collectionMappingStrategy = CollectionMappingStrategy.TARGET_IMMUTABLE)
public interface JpaMapperConfig {}

package io.strata.adapters.web.shared;

import org.mapstruct.InjectionStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * The settings every {@code *WebMapper} shares ({@code @Mapper(config = WebMapperConfig.class)}): a
 * response field nobody fills and a domain property that no response shows (unless the mapper says
 * so, as for a session's token hash) both fail the build. MapStruct reads the domain's fluent
 * accessors ({@code user.email()}) through the {@code processor} module's
 * {@code FluentAccessorNamingStrategy}, so every mapping is checked by the compiler.
 */
@MapperConfig(
        componentModel = MappingConstants.ComponentModel.JAKARTA,
        uses = KernelWebMappings.class,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.ERROR,
        injectionStrategy = InjectionStrategy.CONSTRUCTOR)
public interface WebMapperConfig {}

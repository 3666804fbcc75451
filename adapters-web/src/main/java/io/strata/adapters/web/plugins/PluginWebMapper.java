package io.strata.adapters.web.plugins;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.SecurityScore;
import io.strata.domain.plugins.SecurityViolation;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for plugins, their ledger and their score. */
@Mapper(config = WebMapperConfig.class, uses = PluginsWebMappings.class)
public interface PluginWebMapper {

    @Mapping(target = "name", source = "release.name")
    @Mapping(target = "version", source = "release.version")
    @Mapping(target = "description", source = "release.description")
    @Mapping(target = "author", source = "release.author")
    @Mapping(target = "type", source = "release.type")
    @Mapping(target = "repositoryUrl", source = "release.repositoryUrl")
    @Mapping(target = "installPath", source = "release.installPath")
    @Mapping(target = "manifest", source = "release.manifest")
    @Mapping(target = "permissions", source = "release.permissions")
    @Mapping(target = "revision", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    PluginResponse toResponse(Plugin plugin);

    @Mapping(target = "dismissedAt", source = "dismissal.at")
    @Mapping(target = "dismissedBy", source = "dismissal.by")
    @Mapping(target = "dismissReason", source = "dismissal.reason")
    ViolationResponse toResponse(SecurityViolation violation);

    List<ViolationResponse> toResponses(List<SecurityViolation> violations);

    @Mapping(target = "weight", source = "severity")
    ScoreResponse.Check toCheck(SecurityScore.CheckContribution contribution);

    List<ScoreResponse.Check> toChecks(List<SecurityScore.CheckContribution> contributions);
}

package io.strata.adapters.persistence.plugins;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRelease;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/** {@link Plugin} to and from {@link PluginJpaEntity}. */
@Mapper(config = JpaMapperConfig.class)
interface PluginJpaMapper extends KernelJpaMappings, PluginsJpaMappings {

    default Plugin toDomain(PluginJpaEntity row) {
        return Plugin.reconstitute(
                pluginId(row.getId()),
                pluginSlug(row.getSlug()),
                new PluginRelease(
                        row.getName(),
                        row.getPluginVersion(),
                        row.getDescription(),
                        row.getAuthor(),
                        row.getType(),
                        row.getRepositoryUrl(),
                        row.getInstallPath(),
                        row.getManifest(),
                        permissionList(row.getPermissions())),
                json(row.getConfig()),
                row.getStatus(),
                row.isDisabledByScore(),
                row.getSecurityScore(),
                row.getInstalledAt(),
                row.getLastUpdated(),
                row.getInstallationId(),
                stamp(row));
    }

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "name", source = "release.name")
    @Mapping(target = "pluginVersion", source = "release.version")
    @Mapping(target = "description", source = "release.description")
    @Mapping(target = "author", source = "release.author")
    @Mapping(target = "type", source = "release.type")
    @Mapping(target = "repositoryUrl", source = "release.repositoryUrl")
    @Mapping(target = "installPath", source = "release.installPath")
    @Mapping(target = "manifest", source = "release.manifest")
    @Mapping(target = "permissions", source = "release.permissions")
    @Mapping(target = "searchText", ignore = true)
    PluginJpaEntity toEntity(Plugin plugin);

    /** Copies the mutable state (release, config, status, score, dates) onto a loaded row. */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "slug", ignore = true)
    @Mapping(target = "installedAt", ignore = true)
    @Mapping(target = "installationId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(Plugin plugin, @MappingTarget PluginJpaEntity entity);
}

package io.strata.adapters.persistence.plugins;

import io.strata.domain.plugins.PluginId;
import io.strata.domain.plugins.PluginSlug;
import java.util.List;
import java.util.UUID;

/** The plugins context's ids and values to and from columns; MapStruct picks them by type. */
interface PluginsJpaMappings {

    default UUID uuid(PluginId id) {
        return id == null ? null : id.value();
    }

    default PluginId pluginId(UUID id) {
        return id == null ? null : new PluginId(id);
    }

    default String slug(PluginSlug slug) {
        return slug == null ? null : slug.value();
    }

    default PluginSlug pluginSlug(String slug) {
        return slug == null ? null : new PluginSlug(slug);
    }

    default String[] permissionArray(List<String> permissions) {
        return permissions == null ? new String[0] : permissions.toArray(String[]::new);
    }

    default List<String> permissionList(String[] permissions) {
        return permissions == null ? List.of() : List.of(permissions);
    }
}

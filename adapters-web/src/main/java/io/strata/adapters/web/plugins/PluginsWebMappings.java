package io.strata.adapters.web.plugins;

import io.strata.domain.plugins.PluginId;
import io.strata.domain.plugins.PluginSlug;
import io.strata.domain.plugins.Severity;
import io.strata.domain.plugins.ViolationId;
import io.strata.domain.shared.user.UserId;
import java.util.UUID;

/** The plugins context's ids and values as responses show them; MapStruct picks these by type. */
final class PluginsWebMappings {
    private PluginsWebMappings() {}

    static UUID uuid(PluginId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(ViolationId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    /** A severity's OpenSSF Scorecard weight (the score's weights). */
    static double weight(Severity severity) {
        return severity.weight();
    }

    static String slug(PluginSlug slug) {
        return slug == null ? null : slug.value();
    }
}

package io.strata.domain.plugins;

import io.strata.domain.shared.error.ValidationException;
import java.util.UUID;

/** How a request names a plugin: its row id (a UUID) or its slug. */
public sealed interface PluginRef {
    record ById(PluginId id) implements PluginRef {
        @Override
        public String toString() {
            return id.toString();
        }
    }

    record BySlug(PluginSlug slug) implements PluginRef {
        @Override
        public String toString() {
            return slug.value();
        }
    }

    /** A UUID names the row, anything else must be a slug (400 naming {@code field} otherwise). */
    static PluginRef parse(String field, String text) {
        if (PluginSlug.looksLikeUuid(text)) {
            return new ById(new PluginId(UUID.fromString(text)));
        }
        try {
            return new BySlug(new PluginSlug(text));
        } catch (ValidationException e) {
            throw new ValidationException(field, "is neither a plugin id (UUID) nor a slug (a-z, 0-9, '-')");
        }
    }
}

package io.strata.domain.plugins;

import io.strata.domain.shared.error.ValidationException;
import java.util.regex.Pattern;

/**
 * A plugin's name as installers know it ({@code [a-z0-9-]}, 1..100, starting with a letter or digit): unique, the
 * key of install-as-upsert. A slug never has the form of a UUID, so a path segment names a plugin either way.
 */
public record PluginSlug(String value) {
    public static final int MAX = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX - 1) + "}");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public PluginSlug {
        if (value == null || value.isBlank()) {
            throw new ValidationException("slug", "must not be blank");
        }
        if (!SLUG.matcher(value).matches()) {
            throw new ValidationException(
                    "slug", "must be 1.." + MAX + " of a-z, 0-9 and '-', starting with a letter or digit");
        }
        if (UUID_FORM.matcher(value).matches()) {
            throw new ValidationException("slug", "must not have the form of a UUID");
        }
    }

    static boolean looksLikeUuid(String text) {
        return text != null
                && UUID_FORM.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

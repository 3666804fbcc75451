package io.strata.domain.plugins;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an install (or re-install) of a plugin says about it: everything but its slug and its config. A
 * re-install replaces the whole release.
 */
public record PluginRelease(
        String name,
        String version,
        String description,
        String author,
        PluginType type,
        String repositoryUrl,
        String installPath,
        Map<String, Object> manifest,
        List<String> permissions) {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_URL = 2000;
    public static final int MAX_PERMISSIONS = 100;
    public static final int MAX_PERMISSION = 100;
    public static final int MAX_JSON_CHARS = 65_536;
    /** Semantic Versioning 2.0.0, the regular expression semver.org suggests. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private static final Pattern PERMISSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:*/-]*");

    public PluginRelease {
        name = Text.required("name", name, MAX_NAME);
        version = semver(version);
        description = Text.optional("description", description, MAX_DESCRIPTION);
        author = Text.optional("author", author, MAX_NAME);
        if (type == null) {
            throw new ValidationException("type", "is required");
        }
        repositoryUrl = url(repositoryUrl);
        installPath = Text.optional("installPath", installPath, MAX_URL);
        manifest = jsonObject("manifest", manifest);
        permissions = permissions(permissions);
    }

    static String semver(String version) {
        String value = Text.required("version", version, 100);
        if (!SEMVER.matcher(value).matches()) {
            throw new ValidationException("version", "must be a semantic version such as 1.4.2 or 2.0.0-rc.1");
        }
        return value;
    }

    private static String url(String url) {
        String value = Text.optional("repositoryUrl", url, MAX_URL);
        if (value != null && !value.matches("(?i)https?://[^\\s]+")) {
            throw new ValidationException("repositoryUrl", "must be an http(s) URL");
        }
        return value;
    }

    private static List<String> permissions(List<String> permissions) {
        if (permissions == null) {
            return List.of();
        }
        if (permissions.size() > MAX_PERMISSIONS) {
            throw new ValidationException("permissions", "at most " + MAX_PERMISSIONS + " permissions");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < permissions.size(); i++) {
            String field = "permissions[" + i + "]";
            String value = Text.required(field, permissions.get(i), MAX_PERMISSION);
            if (!PERMISSION.matcher(value).matches()) {
                throw new ValidationException(field, "must be letters, digits and . _ : * / - (e.g. read:projects)");
            }
            distinct.add(value);
        }
        return List.copyOf(distinct);
    }

    /** A JSON object a plugin carries (manifest, config): storable, at most 64 KiB as text; nulls kept. */
    static Map<String, Object> jsonObject(String field, Map<String, Object> value) {
        if (value == null) {
            return Map.of();
        }
        if (value.keySet().stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException(field, "keys must not be null");
        }
        Storable.json(field, value);
        if (value.toString().length() > MAX_JSON_CHARS) {
            throw new ValidationException(field, "must be at most 64 KiB");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }
}

package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.strata.application.shared.Change;
import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A JSON Merge Patch (RFC 7396) body read as a map and checked against the resource's allow-list:
 * a field outside it (ids, versions, timestamps, e-mail, secrets...) is a 400 naming the patchable
 * fields, so nothing is mass-assigned. Each field becomes a {@link Change}: absent (leave it) or
 * present with a value, where an explicit JSON {@code null} means "clear it". Type errors of all
 * fields are reported together.
 *
 * <pre>{@code
 * @Patch("/{id}") @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
 * ... patch(..., @Body JsonNode body) {
 * UserPatch patch = MergePatch.of(body, UserPatch.FIELDS).build(p -> new UserPatch(
 *         p.text("firstName"), p.text("lastName"), p.stringSet("tags"), p.object("preferences"),
 *         p.enumValue("role", Role.class), p.enumValue("status", UserStatus.class)));
 * }</pre>
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final Map<String, Object> fields;
    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    private MergePatch(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Reads a body bound as a JSON tree. Bind merge patches as {@code @Body JsonNode}: a
     * {@code Map} body loses top-level {@code null} members in Micronaut's binding, and with them
     * the difference between "absent" and "clear it".
     */
    public static MergePatch of(@Nullable JsonNode body, Collection<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(null, "the body must be a JSON object (a merge patch)");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : body.entries()) {
            fields.put(member.getKey(), plain(member.getValue()));
        }
        return of(fields, allowed);
    }

    /** Checks the body against {@code allowed}; any other field is a 400 that lists the allowed ones. */
    public static MergePatch of(@Nullable Map<String, Object> body, Collection<String> allowed) {
        if (body == null) {
            throw new ValidationException(null, "the body must be a JSON object (a merge patch)");
        }
        Set<String> sorted = new TreeSet<>(allowed);
        List<ValidationException.FieldError> unknown = body.keySet().stream()
                .filter(key -> !allowed.contains(key))
                .map(key -> new ValidationException.FieldError(key, "cannot be patched; patchable fields: "
                        + String.join(", ", sorted)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        return new MergePatch(new LinkedHashMap<>(body));
    }

    /** Builds the typed patch, then throws one {@link ValidationException} with every type error. */
    public <T> T build(Function<MergePatch, T> builder) {
        T result = builder.apply(this);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return result;
    }

    /** A JSON string (or null). */
    public Change<String> text(String field) {
        return read(field, "a string", v -> v instanceof String s ? s : fail());
    }

    /** A JSON array of strings (or null); duplicates collapse. */
    public Change<Set<String>> stringSet(String field) {
        return read(field, "an array of strings", v -> {
            if (!(v instanceof Collection<?> items)) {
                return fail();
            }
            Set<String> out = new LinkedHashSet<>();
            for (Object item : items) {
                if (!(item instanceof String s)) {
                    return fail();
                }
                out.add(s);
            }
            return out;
        });
    }

    /** A JSON object (or null), e.g. a nested merge patch for a preferences object. */
    @SuppressWarnings("unchecked")
    public Change<Map<String, Object>> object(String field) {
        return read(field, "a JSON object", v -> v instanceof Map<?, ?> m ? (Map<String, Object>) m : fail());
    }

    /** A JSON number (or null) as an exact decimal, e.g. hours or an amount. */
    public Change<BigDecimal> decimal(String field) {
        return read(field, "a number", v -> {
            if (!(v instanceof Number n)) {
                return fail();
            }
            try {
                return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return fail();
            }
        });
    }

    /** A date string {@code YYYY-MM-DD} (or null). */
    public Change<LocalDate> date(String field) {
        return read(field, "a date (YYYY-MM-DD)", v -> {
            if (!(v instanceof String s)) {
                return fail();
            }
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                return fail();
            }
        });
    }

    /** A UUID string (or null). */
    public Change<UUID> uuid(String field) {
        return read(field, "a UUID", v -> {
            if (!(v instanceof String s)) {
                return fail();
            }
            try {
                UUID id = UUID.fromString(s.strip());
                return id.toString().equalsIgnoreCase(s.strip()) ? id : fail();
            } catch (IllegalArgumentException e) {
                return fail();
            }
        });
    }

    /** The name of a constant of {@code type}, case-insensitive (or null). */
    public <E extends Enum<E>> Change<E> enumValue(String field, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return read(field, "one of " + allowed, v -> {
            if (v instanceof String s) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equalsIgnoreCase(s.strip())) {
                        return constant;
                    }
                }
            }
            return fail();
        });
    }

    private <T> Change<T> read(String field, String expected, Function<Object, T> converter) {
        if (!fields.containsKey(field)) {
            return Change.absent();
        }
        Object value = fields.get(field);
        if (value == null) {
            return Change.to(null);
        }
        try {
            return Change.to(converter.apply(value));
        } catch (WrongType e) {
            errors.add(new ValidationException.FieldError(field, "must be " + expected + " or null"));
            return Change.absent();
        }
    }

    /** A JSON tree as plain Java values (Map, List, String, Number, Boolean, null), keeping nulls. */
    static @Nullable Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.entries()) {
                map.put(member.getKey(), plain(member.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                list.add(plain(item));
            }
            return list;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue();
        }
        return node.coerceStringValue();
    }

    private static <T> T fail() {
        throw new WrongType();
    }

    private static final class WrongType extends RuntimeException {
        WrongType() {
            super(null, null, false, false);
        }
    }
}

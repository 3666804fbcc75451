package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.strata.application.shared.Change;
import io.strata.domain.shared.error.ValidationException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A JSON Merge Patch (RFC 7396) body read against the resource's declaration of its patchable fields: a record
 * whose components are the fields a client may send, with their JSON types (e.g. {@code UserPatchRequest}). The
 * same record is the PATCH body schema of the OpenAPI document, so what is documented is what is accepted. A field
 * outside it (ids, versions, timestamps, e-mail, secrets...) is a 400 naming the patchable fields, so nothing is
 * mass-assigned. Each field becomes a {@link Change}: absent (leave it) or present with a value, where an explicit
 * JSON {@code null} means "clear it". Type errors of all fields are reported together.
 *
 * <p>The readers ({@link #text}, {@link #enumValue}, ...) must match the declared component types, and
 * {@link #build} must read every declared field: a mismatch is a programming error ({@link IllegalStateException})
 * that the first request, or a test of the builder with an empty body, reveals.
 *
 * <pre>{@code
 * @Patch("/{id}") @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
 * ... patch(..., @Body JsonNode body) {
 * UserPatch patch = MergePatch.of(body, UserPatchRequest.class).build(p -> new UserPatch(
 *         p.text("firstName"), p.text("lastName"), p.stringSet("tags"), p.object("preferences"),
 *         p.enumValue("role", Role.class), p.enumValue("status", UserStatus.class)));
 * }</pre>
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    /** The patchable fields of each declaration record, by name, with their declared types (in declared order). */
    private static final ClassValue<Map<String, Type>> DECLARED = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> declaration) {
            if (!declaration.isRecord()) {
                throw new IllegalArgumentException(declaration.getName() + " is not a record");
            }
            Map<String, Type> fields = new LinkedHashMap<>();
            for (RecordComponent component : declaration.getRecordComponents()) {
                fields.put(component.getName(), component.getGenericType());
            }
            return Collections.unmodifiableMap(fields);
        }
    };

    /** What a 400 says an enum field must be ("one of A, B"): made once per enum, not on every read. */
    private static final ClassValue<String> ONE_OF_ENUM = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", ", "one of ", ""));
        }
    };

    private final Class<? extends Record> declaration;
    private final Map<String, Type> declared;
    private final Map<String, Object> fields;
    private final Set<String> read = new HashSet<>();
    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    private MergePatch(Class<? extends Record> declaration, Map<String, Object> fields) {
        this.declaration = declaration;
        this.declared = DECLARED.get(declaration);
        this.fields = fields;
    }

    /** The patchable fields {@code declaration} declares, in declared order. */
    public static Set<String> fields(Class<? extends Record> declaration) {
        return DECLARED.get(declaration).keySet();
    }

    /**
     * Reads a body bound as a JSON tree. Bind merge patches as {@code @Body JsonNode}: a
     * {@code Map} body loses top-level {@code null} members in Micronaut's binding, and with them
     * the difference between "absent" and "clear it".
     */
    public static MergePatch of(@Nullable JsonNode body, Class<? extends Record> declaration) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(null, "the body must be a JSON object (a merge patch)");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : body.entries()) {
            fields.put(member.getKey(), plain(member.getValue()));
        }
        return checked(fields, declaration); // a map of its own: no copy
    }

    /** Checks the body against {@code declaration}; any other field is a 400 that lists the patchable ones. */
    public static MergePatch of(@Nullable Map<String, Object> body, Class<? extends Record> declaration) {
        if (body == null) {
            throw new ValidationException(null, "the body must be a JSON object (a merge patch)");
        }
        return checked(new LinkedHashMap<>(body), declaration);
    }

    private static MergePatch checked(Map<String, Object> body, Class<? extends Record> declaration) {
        Set<String> allowed = fields(declaration);
        List<ValidationException.FieldError> unknown = null; // loops, not streams: every PATCH comes through here
        String patchable = null;
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                if (unknown == null) {
                    unknown = new ArrayList<>();
                    patchable = "cannot be patched; patchable fields: " + String.join(", ", new TreeSet<>(allowed));
                }
                unknown.add(new ValidationException.FieldError(key, patchable));
            }
        }
        if (unknown != null) {
            throw new ValidationException(unknown);
        }
        return new MergePatch(declaration, body);
    }

    /** Builds the typed patch, then throws one {@link ValidationException} with every type error. */
    public <T> T build(Function<MergePatch, T> builder) {
        T result = builder.apply(this);
        if (!read.containsAll(declared.keySet())) {
            Set<String> unread = new TreeSet<>(declared.keySet());
            unread.removeAll(read);
            throw new IllegalStateException(
                    declaration.getSimpleName() + " declares " + unread + " but the patch builder does not read them");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return result;
    }

    /** A JSON string (or null). */
    public Change<String> text(String field) {
        declared(field, "text", String.class::equals);
        return read(field, "a string", v -> v instanceof String s ? s : fail());
    }

    /** A JSON array of strings (or null); duplicates collapse. */
    public Change<Set<String>> stringSet(String field) {
        declared(
                field,
                "stringSet",
                type -> type instanceof ParameterizedType set
                        && set.getRawType() == Set.class
                        && set.getActualTypeArguments()[0] == String.class);
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
        declared(field, "object", type -> raw(type) == Map.class || raw(type).isRecord());
        return read(field, "a JSON object", v -> v instanceof Map<?, ?> m ? (Map<String, Object>) m : fail());
    }

    /** A JSON number (or null) as an exact decimal, e.g. hours or an amount. */
    public Change<BigDecimal> decimal(String field) {
        declared(field, "decimal", BigDecimal.class::equals);
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
        declared(field, "date", LocalDate.class::equals);
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
        declared(field, "uuid", UUID.class::equals);
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
        declared(field, "enumValue(" + type.getSimpleName() + ")", type::equals);
        return read(field, ONE_OF_ENUM.get(type), v -> {
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

    /** Checks that {@code declaration} declares {@code field} with a type {@code reader} reads; marks it read. */
    private void declared(String field, String reader, Predicate<Type> reads) {
        Type type = declared.get(field);
        if (type == null) {
            throw new IllegalStateException(declaration.getSimpleName() + " declares no field " + field);
        }
        if (!reads.test(type)) {
            throw new IllegalStateException(declaration.getSimpleName() + "." + field + " is declared as "
                    + type.getTypeName() + ", which " + reader + " does not read");
        }
        read.add(field);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
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

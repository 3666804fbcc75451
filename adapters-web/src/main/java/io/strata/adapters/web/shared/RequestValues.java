package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.strata.domain.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads ids and enum names from request text with 400s that say what is allowed. */
public final class RequestValues {
    private RequestValues() {}

    public static UUID uuid(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is required (a UUID)");
        }
        try {
            UUID id = UUID.fromString(text.strip());
            if (id.toString().equalsIgnoreCase(text.strip())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ValidationException(field, "'" + Problems.abbreviate(text) + "' is not a valid UUID");
    }

    /**
     * Comma-separated and/or repeated UUIDs, e.g. {@code ids=a,b&ids=c} (or a JSON array's items); every
     * bad one is reported (a null item too), up to {@code max} items.
     */
    public static List<UUID> uuids(String field, Collection<String> texts, int max) {
        List<UUID> ids = new ArrayList<>();
        List<ValidationException.FieldError> errors = new ArrayList<>();
        int index = 0;
        for (String text : texts) {
            if (text == null) {
                errors.add(new ValidationException.FieldError(field + "[" + index++ + "]", "must not be null"));
                continue;
            }
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                if (index >= max) {
                    throw new ValidationException(field, "give 1 to " + max + " comma-separated UUIDs, got more");
                }
                try {
                    ids.add(uuid(field + "[" + index + "]", part));
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
                index++;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (ids.isEmpty() || ids.size() > max) {
            throw new ValidationException(field, "give 1 to " + max + " comma-separated UUIDs, got " + ids.size());
        }
        return ids;
    }

    /** The constant of {@code type} named {@code text} (case-insensitive); null stays null. */
    public static <E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String text, Class<E> type) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw new ValidationException(
                field,
                "'" + Problems.abbreviate(text) + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}

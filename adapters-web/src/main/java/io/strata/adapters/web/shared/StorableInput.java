package io.strata.adapters.web.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The request readers' part of {@link Storable}: finds the first query parameter, path or JSON body value
 * that PostgreSQL could not store (NUL, unpaired surrogates; numbers out of bounds), and names it the
 * way a client wrote it ({@code q}, {@code tasks[2].title}, {@code preferences.theme}). JSON is read as a
 * token stream, without binding; what is not well-formed JSON is left to the body binder, which reports
 * it with its usual message.
 */
final class StorableInput {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private StorableInput() {}

    /** The first unstorable query parameter (name or value) or path, or null. */
    static ValidationException.@Nullable FieldError firstProblem(
            String path, ConvertibleMultiValues<String> parameters) {
        ValidationException.FieldError pathProblem = pathProblem(path);
        if (pathProblem != null) {
            return pathProblem;
        }
        for (Map.Entry<String, List<String>> parameter : parameters) {
            String name = parameter.getKey();
            String nameProblem = Storable.textProblem(name);
            if (nameProblem != null) {
                return new ValidationException.FieldError(null, "a query parameter name " + nameProblem);
            }
            for (String value : parameter.getValue()) {
                String problem = value == null ? null : Storable.textProblem(value);
                if (problem != null) {
                    return new ValidationException.FieldError(name, problem);
                }
            }
        }
        return null;
    }

    /** The path's problem, for a request without a query, or null. */
    static ValidationException.@Nullable FieldError pathProblem(String path) {
        String problem = Storable.textProblem(path);
        return problem == null ? null : new ValidationException.FieldError("path", problem);
    }

    /** The first unstorable string, key or number of a JSON document, or null (also for malformed JSON). */
    static ValidationException.@Nullable FieldError firstProblem(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String problem = switch (token) {
                    case FIELD_NAME -> keyProblem(parser.currentName());
                    case VALUE_STRING -> Storable.textProblem(parser.getText());
                    case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> numberProblem(parser.getText());
                    default -> null;
                };
                if (problem != null) {
                    String field = token == JsonToken.FIELD_NAME
                            ? path(parser.getParsingContext().getParent())
                            : path(parser.getParsingContext());
                    return new ValidationException.FieldError(field, problem);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // not well-formed (or over Jackson's limits): the body binder reports it
        }
        return null;
    }

    private static @Nullable String keyProblem(String key) {
        String problem = Storable.textProblem(key);
        return problem == null ? null : "a key " + problem;
    }

    private static @Nullable String numberProblem(String text) {
        try {
            Storable.decimal("", new BigDecimal(text));
            return null;
        } catch (ValidationException e) {
            return e.errors().get(0).message();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code tasks[2].title} for the value the parser is at; null at the top level. */
    private static @Nullable String path(@Nullable JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                parts.push(Storable.textProblem(name) == null ? "." + name : ".?");
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}

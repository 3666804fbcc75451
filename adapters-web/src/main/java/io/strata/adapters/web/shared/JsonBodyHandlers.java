package io.strata.adapters.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies that cannot be read: malformed JSON, unknown or duplicate fields, wrong types, the wrong
 * shape. Each is a 400 that names the field (as a path like {@code tags[2]}) and what is allowed; parser
 * internals and class names never reach the client.
 */
public final class JsonBodyHandlers {
    private JsonBodyHandlers() {}

    /** Malformed JSON. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(JsonExceptionHandler.class)
    public static class JsonSyntax implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return malformed(request, exception);
        }
    }

    /** Jackson parser errors that escape unwrapped. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Requires(classes = JsonProcessingException.class)
    @Replaces(JacksonExceptionHandler.class)
    public static class JacksonErrors implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonProcessingException exception) {
            return malformed(request, exception);
        }
    }

    /** Serde errors that escape unwrapped (unknown fields, wrong types). */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class SerdeErrors implements ExceptionHandler<SerdeException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, SerdeException exception) {
            return bodyProblem(request, exception).orElseGet(() -> malformed(request, exception));
        }
    }

    /** Body readers' errors. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class CodecErrors implements ExceptionHandler<CodecException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, CodecException exception) {
            return bodyProblem(request, exception)
                    .orElseGet(() -> Problems.badRequest(request, "The request body could not be read", List.of()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<?> malformed(HttpRequest<?> request, Throwable exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        int cut = indexOfAny(message, "\n", " at [Source", "\r");
        String reason = (cut >= 0 ? message.substring(0, cut) : message).strip();
        reason = stripClassNames(reason);
        return Problems.badRequest(
                request, "Malformed JSON" + (reason.isEmpty() ? "" : ": " + Problems.abbreviate(reason)), List.of());
    }

    /** A body problem when {@code failure} (or a cause of it) is a JSON or serde error. */
    static Optional<HttpResponse<?>> bodyProblem(HttpRequest<?> request, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonSyntaxException || t instanceof com.fasterxml.jackson.core.JsonParseException) {
                return Optional.of(malformed(request, t));
            }
            if (t instanceof SerdeException serde) {
                return Optional.of(serdeProblem(request, serde));
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<?> serdeProblem(HttpRequest<?> request, SerdeException e) {
        List<ReferencePath> path = e.getPath();
        String field = fieldPath(path);
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Unknown property [") && !path.isEmpty()) {
            String name = message.substring("Unknown property [".length(), Math.max(message.indexOf(']'), 18));
            List<String> allowed = path.get(0) instanceof PropertyReferencePath p ? properties(p.type()) : List.of();
            String detail = "Unknown field '" + name + "'"
                    + (allowed.isEmpty() ? "" : "; allowed fields: " + String.join(", ", allowed));
            return Problems.badRequest(
                    request,
                    detail,
                    List.of(new Problem.FieldProblem(
                            field,
                            allowed.isEmpty()
                                    ? "unknown field"
                                    : "unknown field; allowed: " + String.join(", ", allowed))));
        }
        if (message.startsWith("Duplicate property [")) {
            return Problems.badRequest(
                    request,
                    "Field '" + field + "' appears more than once",
                    List.of(new Problem.FieldProblem(field, "appears more than once")));
        }
        String token = expectedToken(message);
        if ("START_ARRAY".equals(token) && !path.isEmpty() && path.get(0) instanceof CollectionItemReferencePath) {
            // serde reports a non-array value for a collection as its item 0; the field itself is wrong
            path = path.subList(1, path.size());
            field = fieldPath(path);
        }
        if (field == null) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof JsonSyntaxException || root instanceof JsonProcessingException) {
                return malformed(request, root);
            }
            return Problems.badRequest(
                    request, "The request body has the wrong shape: expected a JSON object", List.of());
        }
        String expected = token != null && TOKENS.containsKey(token)
                ? TOKENS.get(token)
                : RequestBindingHandlers.expected(path.get(0).getArgument());
        String fieldMessage = "has the wrong type; expected " + expected;
        return Problems.badRequest(
                request, field + ": " + fieldMessage, List.of(new Problem.FieldProblem(field, fieldMessage)));
    }

    /** JSON token names in serde's "Unexpected token X, expected Y" messages. */
    private static final Map<String, String> TOKENS = Map.of(
            "START_ARRAY", "an array",
            "START_OBJECT", "a JSON object",
            "VALUE_STRING", "a string",
            "VALUE_NUMBER_INT", "an integer",
            "VALUE_NUMBER_FLOAT", "a number",
            "VALUE_TRUE", "a boolean (true or false)",
            "VALUE_FALSE", "a boolean (true or false)");

    private static String expectedToken(String message) {
        int at = message.indexOf(", expected ");
        if (at < 0) {
            return null;
        }
        String rest = message.substring(at + ", expected ".length()).strip();
        int end = 0;
        while (end < rest.length() && (Character.isUpperCase(rest.charAt(end)) || rest.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? null : rest.substring(0, end);
    }

    /** Outermost-first path like {@code tags[2]} or {@code preferences.theme}. */
    private static String fieldPath(List<ReferencePath> path) {
        if (path.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = path.size() - 1; i >= 0; i--) {
            ReferencePath p = path.get(i);
            if (p instanceof PropertyReferencePath prop) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(prop.property().getName());
            } else if (p instanceof CollectionItemReferencePath item) {
                out.append('[').append(item.index()).append(']');
            } else if (p instanceof MapItemReferencePath entry) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(entry.key());
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static List<String> properties(Class<?> type) {
        return BeanIntrospector.SHARED
                .findIntrospection(type)
                .map(BeanIntrospection::getBeanProperties)
                .map(props -> props.stream().map(BeanProperty::getName).sorted().toList())
                .orElse(List.of());
    }

    private static int indexOfAny(String text, String... needles) {
        int best = -1;
        for (String needle : needles) {
            int i = text.indexOf(needle);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static String stripClassNames(String text) {
        return text.replaceAll("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
    }
}

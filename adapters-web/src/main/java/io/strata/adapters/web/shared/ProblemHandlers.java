package io.strata.adapters.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.strata.domain.shared.error.DomainException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exception-handler family: every exception a request can end in becomes one problem+json
 * response built by {@link Problems}. Domain rule violations keep their code's status; every way a
 * client can break a request (malformed JSON, wrong types, unknown fields, bad ids, missing body or
 * parameters, constraint violations) is a 400 that names the field and what is allowed; anything
 * else is a 500 with a generic detail, logged here.
 */
public final class ProblemHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {
    }

    /** Rule violations raised by the domain and the use cases: status by their kind ({@link Problems#of(DomainException.Kind)}). */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
            return Problems.of(request, exception);
        }
    }

    /** An update without {@code If-Match}: 428. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class PreconditionRequired
            implements ExceptionHandler<PreconditionRequiredException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, PreconditionRequiredException exception) {
            return Problems.response(request, HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                    exception.getMessage(), List.of());
        }
    }

    /** Path/query values that do not convert (bad UUID, not a number) and body decoding errors. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(ConversionErrorHandler.class)
    public static class ConversionErrors implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            Throwable cause = exception.getConversionError().getCause();
            Optional<HttpResponse<?>> body = bodyProblem(request, cause);
            if (body.isPresent()) {
                return body.get();
            }
            Argument<?> argument = exception.getArgument();
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                return Problems.badRequest(request, "The request body could not be read: expected a JSON object",
                        List.of());
            }
            String name = argument.getName();
            String value = exception.getConversionError().getOriginalValue().map(String::valueOf).orElse(null);
            String message = (value == null ? "value" : "'" + abbreviate(value) + "'") + " is not "
                    + expected(argument);
            return Problems.badRequest(request, name + ": " + message,
                    List.of(new Problem.FieldProblem(name, message)));
        }
    }

    /** Required body or parameter missing. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(UnsatisfiedArgumentHandler.class)
    public static class UnsatisfiedArguments implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException exception) {
            return missing(request, exception.getArgument(), false);
        }
    }

    /** Required body, query value, header or path variable missing. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(UnsatisfiedRouteHandler.class)
    public static class UnsatisfiedRoutes implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
            return missing(request, exception.getArgument(), exception instanceof UnsatisfiedBodyRouteException);
        }
    }

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
            return bodyProblem(request, exception).orElseGet(() -> Problems.badRequest(request,
                    "The request body could not be read", List.of()));
        }
    }

    /** Bean Validation on request records ({@code @Valid}). */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(ConstraintExceptionHandler.class)
    public static class ConstraintViolations implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<Problem.FieldProblem> errors = exception.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldProblem(leaf(v), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(f -> String.valueOf(f.field())))
                    .toList();
            String detail = errors.isEmpty() ? "Invalid input" : errors.stream()
                    .map(f -> f.field() == null ? f.message() : f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
            return Problems.badRequest(request, detail, errors);
        }

        private static String leaf(ConstraintViolation<?> violation) {
            String name = null;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getName() != null) {
                    name = node.getName();
                }
            }
            return name;
        }
    }

    /** Anything unexpected: 500 with a generic detail; the cause stays in the log. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class Unexpected implements ExceptionHandler<Exception, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception exception) {
            LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
            return Problems.internal(request);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<?> missing(HttpRequest<?> request, Argument<?> argument, boolean body) {
        if (body || argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return Problems.badRequest(request, "A request body is required (a JSON object)", List.of());
        }
        String name = argument.getAnnotationMetadata().stringValue(io.micronaut.http.annotation.QueryValue.class)
                .or(() -> argument.getAnnotationMetadata().stringValue(io.micronaut.http.annotation.Header.class))
                .filter(s -> !s.isBlank())
                .orElse(argument.getName());
        String kind = argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Header.class)
                ? "header" : "parameter";
        String message = "required " + kind + " is missing";
        return Problems.badRequest(request, name + ": " + message, List.of(new Problem.FieldProblem(name, message)));
    }

    private static HttpResponse<?> malformed(HttpRequest<?> request, Throwable exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        int cut = indexOfAny(message, "\n", " at [Source", "\r");
        String reason = (cut >= 0 ? message.substring(0, cut) : message).strip();
        reason = stripClassNames(reason);
        return Problems.badRequest(request, "Malformed JSON" + (reason.isEmpty() ? "" : ": " + abbreviate(reason)),
                List.of());
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
            String detail = "Unknown field '" + name + "'" + (allowed.isEmpty() ? "" : "; allowed fields: "
                    + String.join(", ", allowed));
            return Problems.badRequest(request, detail, List.of(new Problem.FieldProblem(field, allowed.isEmpty()
                    ? "unknown field" : "unknown field; allowed: " + String.join(", ", allowed))));
        }
        if (message.startsWith("Duplicate property [")) {
            return Problems.badRequest(request, "Field '" + field + "' appears more than once",
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
            return Problems.badRequest(request, "The request body has the wrong shape: expected a JSON object",
                    List.of());
        }
        String expected = token != null && TOKENS.containsKey(token) ? TOKENS.get(token)
                : expected(path.get(0).getArgument());
        String fieldMessage = "has the wrong type; expected " + expected;
        return Problems.badRequest(request, field + ": " + fieldMessage,
                List.of(new Problem.FieldProblem(field, fieldMessage)));
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
        return BeanIntrospector.SHARED.findIntrospection(type)
                .map(BeanIntrospection::getBeanProperties)
                .map(props -> props.stream().map(BeanProperty::getName).sorted().toList())
                .orElse(List.of());
    }

    /** "a UUID", "an integer", "one of A, B" ... for an argument's type. */
    static String expected(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type == UUID.class) {
            return "a valid UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date/time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return argument.getFirstTypeVariable().map(item -> "an array of " + plural(expected(item)))
                    .orElse("an array");
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "a JSON object"
                : "a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String plural(String expected) {
        return expected.startsWith("a ") ? expected.substring(2) + "s"
                : expected.startsWith("an ") ? expected.substring(3) + "s" : expected;
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

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

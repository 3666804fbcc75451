package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.compression.DecompressionException;
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

/**
 * Requests whose parameters cannot be bound: path, query and header values that do not convert (bad UUID, not
 * a number), required ones missing, and Bean Validation on request records. Each is a 400 naming the field and
 * what it expects.
 */
public final class RequestBindingHandlers {
    private RequestBindingHandlers() {}

    /** Path/query values that do not convert (bad UUID, not a number) and body decoding errors. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(ConversionErrorHandler.class)
    public static class ConversionErrors implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            Throwable cause = exception.getConversionError().getCause();
            Optional<HttpResponse<?>> body = JsonBodyHandlers.bodyProblem(request, cause);
            if (body.isPresent()) {
                return body.get();
            }
            Argument<?> argument = exception.getArgument();
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                return Problems.badRequest(
                        request, "The request body could not be read: expected a JSON object", List.of());
            }
            String name = argument.getName();
            String value = exception
                    .getConversionError()
                    .getOriginalValue()
                    .map(String::valueOf)
                    .orElse(null);
            String message = (value == null ? "value" : "'" + Problems.abbreviate(value) + "'") + " is not "
                    + expected(argument);
            return Problems.badRequest(
                    request, name + ": " + message, List.of(new Problem.FieldProblem(name, message)));
        }
    }

    /** Required body or parameter missing. */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(UnsatisfiedArgumentHandler.class)
    public static class UnsatisfiedArguments
            implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException exception) {
            return missing(request, exception.getArgument(), false);
        }
    }

    /** Required body, query value, header or path variable missing. */
    /**
     * A body that does not decode with its {@code Content-Encoding} (say, {@code gzip} over plain text) is the
     * client's mistake: a 400 naming the header, not the 500 the decoder's exception would otherwise become.
     */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    public static class UndecodableBodies implements ExceptionHandler<DecompressionException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, DecompressionException exception) {
            return Problems.badRequest(
                    request, "the body could not be decoded with the Content-Encoding it was sent with", List.of());
        }
    }

    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(UnsatisfiedRouteHandler.class)
    public static class UnsatisfiedRoutes implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
            return missing(request, exception.getArgument(), exception instanceof UnsatisfiedBodyRouteException);
        }
    }

    /** Bean Validation on request records ({@code @Valid}). */
    @Singleton
    @Produces(Problems.MEDIA_TYPE)
    @Replaces(ConstraintExceptionHandler.class)
    public static class ConstraintViolations
            implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<Problem.FieldProblem> errors = exception.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldProblem(leaf(v), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(f -> String.valueOf(f.field())))
                    .toList();
            String detail = errors.isEmpty()
                    ? "Invalid input"
                    : errors.stream()
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

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<?> missing(HttpRequest<?> request, Argument<?> argument, boolean body) {
        if (body || argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return Problems.badRequest(request, "A request body is required (a JSON object)", List.of());
        }
        String name = argument.getAnnotationMetadata()
                .stringValue(io.micronaut.http.annotation.QueryValue.class)
                .or(() -> argument.getAnnotationMetadata().stringValue(io.micronaut.http.annotation.Header.class))
                .filter(s -> !s.isBlank())
                .orElse(argument.getName());
        String kind = argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Header.class)
                ? "header"
                : "parameter";
        String message = "required " + kind + " is missing";
        return Problems.badRequest(request, name + ": " + message, List.of(new Problem.FieldProblem(name, message)));
    }

    /** "a UUID", "an integer", "one of A, B" ... for an argument's type. */
    static String expected(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type == UUID.class) {
            return "a valid UUID";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
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
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
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
            return argument.getFirstTypeVariable()
                    .map(item -> "an array of " + plural(expected(item)))
                    .orElse("an array");
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
                ? "a JSON object"
                : "a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String plural(String expected) {
        return expected.startsWith("a ")
                ? expected.substring(2) + "s"
                : expected.startsWith("an ") ? expected.substring(3) + "s" : expected;
    }
}

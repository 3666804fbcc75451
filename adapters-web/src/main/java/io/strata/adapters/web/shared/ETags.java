package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.AsciiNumbers;

/**
 * Optimistic locking over HTTP: single-resource responses carry {@code ETag: "<version>"}; updates
 * send it back in {@code If-Match}, and the version goes into the use case's command (a different
 * stored version is a {@code StaleVersionException}, 412).
 *
 * <pre>{@code
 * @Patch("/{id}")
 * HttpResponse<XResponse> patch(Actor actor, UUID id, @Header("If-Match") @Nullable String ifMatch, ...) {
 *     long expected = ETags.requireIfMatch(ifMatch);          // 428 when missing, 400 when malformed
 *     X x = useCase.update(new Command(actor, id, expected, ...));
 *     return ETags.tag(HttpResponse.ok(mapper.toResponse(x)), x.version());
 * }
 * }</pre>
 */
public final class ETags {
    private ETags() {}

    /** The strong entity tag of a version: {@code "3"} with the quotes. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Adds {@code ETag} for {@code version} to the response. */
    public static <T> MutableHttpResponse<T> tag(MutableHttpResponse<T> response, long version) {
        return response.header(HttpHeaders.ETAG, of(version));
    }

    /** The version named by a required {@code If-Match}: 428 when missing, 400 when malformed or {@code *}. */
    public static long requireIfMatch(@Nullable String ifMatch) {
        Long version = optionalIfMatch(ifMatch);
        if (version == null) {
            throw new PreconditionRequiredException("If-Match is required for this update: send the ETag of the "
                    + "version you read, e.g. If-Match: \"3\"");
        }
        return version;
    }

    /** The version named by an optional {@code If-Match}, or null when absent. */
    public static @Nullable Long optionalIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            throw invalid("'*' is not accepted for updates; send the ETag of the version you read");
        }
        if (value.startsWith("W/")) {
            throw invalid("weak ETags cannot be used for updates; send the strong ETag, e.g. \"3\"");
        }
        if (value.contains(",")) {
            throw invalid("give exactly one ETag");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        // ASCII digits, as in the ETags this API writes: other scripts' digits are no ETag of it
        long version = value.length() > 18 ? -1 : AsciiNumbers.wholeNumber(value);
        if (version < 0) {
            throw invalid("is not an ETag of this API; expected a quoted version like \"3\"");
        }
        return version;
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(HttpHeaders.IF_MATCH, message);
    }
}

package io.strata.bench.baseline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;

/** Optimistic locking over HTTP as Strata does it: {@code ETag: "<version>"}, and If-Match on updates. */
final class ETags {
    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match: 428 when missing, 400 when it is not one strong ETag of this API. */
    static long requireIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired();
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
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw invalid("is not an ETag of this API; expected a quoted version like \"3\"");
        }
        return Long.parseLong(value);
    }

    private static ApiProblem invalid(String message) {
        return ApiProblem.validation(HttpHeaders.IF_MATCH, message);
    }
}

package io.strata.bench.peer.web.rest;

import io.strata.bench.peer.web.rest.errors.Problems;
import org.springframework.http.HttpHeaders;

/** Optimistic locking over HTTP: {@code ETag: "<version>"} on reads, and the version named by If-Match on updates. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match: 428 when missing, 400 when it is not one strong ETag of this API. */
    static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
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

    private static RuntimeException invalid(String message) {
        return Problems.validation(HttpHeaders.IF_MATCH, message);
    }
}

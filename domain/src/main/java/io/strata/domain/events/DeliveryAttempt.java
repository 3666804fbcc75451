package io.strata.domain.events;

import java.time.Instant;

/**
 * The outcome of one delivery attempt, for the attempt log.
 *
 * @param statusCode the HTTP status of a webhook's response (null when there was none)
 * @param response   an excerpt of the response, or the error
 */
public record DeliveryAttempt(Instant at, boolean succeeded, Integer statusCode, long latencyMillis, String response) {
    private static final int EXCERPT = 500;

    public DeliveryAttempt {
        if (response != null && response.length() > EXCERPT) {
            response = response.substring(0, EXCERPT);
        }
        if (response != null) {
            response = response.replace('\0', '?');
        }
    }
}

package io.strata.application.identity;

import java.time.Duration;

/**
 * Tunables of the identity use cases, built from configuration by the bootstrap module.
 *
 * @param sessionTtl            how long a new session lives
 * @param maxFailuresPerAccount failed logins per e-mail within {@code failureWindow} before throttling
 * @param maxFailuresPerIp      failed logins per client IP within {@code failureWindow} before throttling
 * @param failureWindow         the sliding window of the counters
 * @param lastSeenGranularity   lastSeenAt is written at most this often per session
 * @param maxSignUpsPerIp       anonymous sign-ups per client IP within {@code signUpWindow} before throttling
 * @param signUpWindow          the sliding window of the sign-up counter
 */
public record IdentityPolicy(
        Duration sessionTtl,
        int maxFailuresPerAccount,
        int maxFailuresPerIp,
        Duration failureWindow,
        Duration lastSeenGranularity,
        int maxSignUpsPerIp,
        Duration signUpWindow) {}

package io.strata.domain.identity;

import java.time.Instant;

/** Whether a user's e-mail address is verified, and since when. */
public record EmailVerification(boolean verified, Instant verifiedAt) {
    public static final EmailVerification NOT_VERIFIED = new EmailVerification(false, null);

    public static EmailVerification at(Instant now) {
        return new EmailVerification(true, now);
    }
}

package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;

/**
 * A plain-text password on its way to be hashed or checked. Never stored, never printed: the hash
 * lives only inside the persistence adapter (see {@link UserCredentials}).
 */
public final class Password {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** A new password: must satisfy the length policy. */
    public static Password newPassword(String field, String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new ValidationException(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        return new Password(value);
    }

    /** A password offered at login: checked against the hash, never against the policy. */
    public static Password attempt(String value) {
        return new Password(value == null ? "" : value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}

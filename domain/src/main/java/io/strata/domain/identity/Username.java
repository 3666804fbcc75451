package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;

/** 3 to 50 characters of {@code [a-z0-9_.-]} (checked by a scan, not a regular expression: see {@link Email}). */
public record Username(String value) {
    public Username {
        if (value == null || !wellFormed(value)) {
            throw new ValidationException("username", "must be 3 to 50 characters of a-z, 0-9, '_', '.', '-'");
        }
    }

    private static boolean wellFormed(String value) {
        if (value.length() < 3 || value.length() > 50) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.strata.domain.community;

import io.strata.domain.shared.error.ConflictException;

/** The balance rules of a transfer: never below 0, never above the guild's ceiling. */
public final class Points {
    private Points() {}

    public static long debit(long balance, long amount, long externalUserId) {
        if (balance < amount) {
            throw new ConflictException(
                    "insufficient points: member " + externalUserId + " has " + balance + ", needs " + amount);
        }
        return balance - amount;
    }

    public static long credit(long balance, long amount, long maxPoints, long externalUserId) {
        if (balance > maxPoints - amount) {
            throw new ConflictException("member " + externalUserId + " would exceed the guild's maximum of " + maxPoints
                    + " points (has " + balance + ")");
        }
        return balance + amount;
    }
}

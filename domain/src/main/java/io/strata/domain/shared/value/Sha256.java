package io.strata.domain.shared.value;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests for the hot paths (a bearer token on every request, a list cursor on every page, an idempotency
 * key): each one is a copy of a prepared digest, since {@code MessageDigest.getInstance} searches the security
 * providers on every call.
 */
public final class Sha256 {
    private static final MessageDigest PROTOTYPE = prototype();

    private Sha256() {}

    /** The SHA-256 of {@code parts}, one after the other. */
    public static byte[] of(byte[]... parts) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JRE's SHA-256 cannot be copied", e);
        }
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    private static MessageDigest prototype() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.clone(); // fails when the class initialises, not on a request, should the provider not copy
            return sha;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE, and must be copyable", e);
        }
    }
}

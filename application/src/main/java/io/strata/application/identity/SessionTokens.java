package io.strata.application.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer tokens: 256 bits from a CSPRNG, base64url; only their SHA-256 (hex) is ever stored. */
final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    /** A fresh digest to clone: {@code MessageDigest.getInstance} searches the security providers on every call. */
    private static final MessageDigest SHA_256 = sha256();

    private static final HexFormat HEX = HexFormat.of();

    private SessionTokens() {}

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token, hex; on every authenticated request, so the digest is cloned, not looked up. */
    static String hash(String token) {
        try {
            MessageDigest digest = (MessageDigest) SHA_256.clone();
            return HEX.formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JRE's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}

package io.strata.application.identity;

import io.strata.domain.shared.value.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer tokens: 256 bits from a CSPRNG, base64url; only their SHA-256 (hex) is ever stored. */
final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private SessionTokens() {}

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token, hex (on every authenticated request). */
    static String hash(String token) {
        return HEX.formatHex(Sha256.of(token.getBytes(StandardCharsets.UTF_8)));
    }
}

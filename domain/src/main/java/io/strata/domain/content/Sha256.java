package io.strata.domain.content;

import io.strata.domain.shared.error.ValidationException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest, as 64 lower-case hex digits: the address of a blob in the content-addressed store. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new ValidationException("sha256", "must be 64 lower-case hex digits");
        }
    }

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new ValidationException("sha256", "must be 32 bytes");
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}

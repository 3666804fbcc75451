package io.strata.adapters.web.content;

import io.strata.domain.content.Sha256;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.AsciiNumbers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The HTTP headers of file transfers: RFC 9530 digests ({@code Content-Digest}, {@code Repr-Digest}), byte
 * ranges (RFC 9110 §14) and a {@code Content-Disposition} (RFC 6266) that no file name can break out of.
 */
final class ContentHeaders {
    private ContentHeaders() {}

    /**
     * The {@code sha-256} member of an RFC 9530 digest field ({@code sha-256=:base64:, sha-512=:...:}), or null
     * when the field is absent or names only other algorithms (which we may ignore). A malformed field is a 400.
     */
    static Sha256 sha256(String header, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (String member : value.split(",")) {
            int eq = member.indexOf('=');
            if (eq <= 0) {
                throw malformed(header);
            }
            String algorithm = member.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String encoded = member.substring(eq + 1).strip();
            if (!algorithm.equals("sha-256")) {
                continue;
            }
            if (encoded.length() < 2 || encoded.charAt(0) != ':' || encoded.charAt(encoded.length() - 1) != ':') {
                throw malformed(header);
            }
            byte[] digest;
            try {
                digest = Base64.getDecoder().decode(encoded.substring(1, encoded.length() - 1));
            } catch (IllegalArgumentException e) {
                throw malformed(header);
            }
            if (digest.length != 32) {
                throw malformed(header);
            }
            return Sha256.of(digest);
        }
        return null;
    }

    static String digestField(Sha256 sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256.bytes()) + ":";
    }

    private static ValidationException malformed(String header) {
        return new ValidationException(header, "must be an RFC 9530 digest such as sha-256=:<base64 of 32 bytes>:");
    }

    /** A byte range, both ends inclusive. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** Thrown for a syntactically valid range that does not fit the representation (416). */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /**
     * One range of {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix} within {@code size}, or
     * null to send the whole representation (no header, a syntax we ignore as RFC 9110 allows, or several ranges).
     */
    static Range range(String header, long size) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
            return null;
        }
        String spec = value.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        // not digits (ASCII, no sign), or beyond a long: an invalid range is ignored
        if (from.isEmpty()) {
            long suffix = AsciiNumbers.wholeNumber(to);
            if (suffix < 0) {
                return null;
            }
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return new Range(Math.max(0, size - suffix), size - 1);
        }
        long first = AsciiNumbers.wholeNumber(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : AsciiNumbers.wholeNumber(to);
        if (first < 0 || last < first) {
            return null;
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return new Range(first, Math.min(last, size - 1));
    }

    /**
     * {@code attachment; filename="..."; filename*=UTF-8''...}: the quoted name keeps printable ASCII only
     * (quotes, backslashes, path separators and control characters become {@code _}), the extended one
     * percent-encodes every byte outside RFC 5987's attr-char; the last path segment only, so a name cannot
     * point a client at a directory.
     */
    static String attachment(String name) {
        String base = name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        if (slash >= 0 && slash < base.length() - 1) {
            base = base.substring(slash + 1);
        }
        if (base.isBlank() || base.equals(".") || base.equals("..")) {
            base = "download";
        }
        StringBuilder ascii = new StringBuilder();
        base.codePoints().forEach(c -> {
            boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != '%';
            ascii.append(safe ? (char) c : '_');
        });
        StringBuilder extended = new StringBuilder();
        for (byte b : base.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                extended.append((char) c);
            } else {
                extended.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + extended;
    }
}

package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.AsciiNumbers;
import io.strata.domain.shared.value.IsoInstants;
import io.strata.domain.shared.value.Sha256;
import io.strata.domain.shared.value.Storable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opaque keyset cursor: the last row's sort values (the id last), bound to one resource and one
 * sort order by a fingerprint, and sealed with a digest so that an edited cursor is rejected.
 *
 * <p>Layout before base64url (no padding): {@code version(1) | fingerprint(8) | count(1) |
 * (present(1) [utf8 value])* | digest(12)}. Values are written as text ({@code Instant#toString},
 * {@code UUID#toString}, enum names, ...) and read back with the sort expression's Java type, so the
 * cursor never carries type names and decoding can only yield values of the expected types.
 *
 * <p>The digest detects tampering and garbling, not forgery by someone who reads this code: a forged
 * cursor can only name a position in a list the caller may read anyway, and every value is bound
 * as a parameter.
 */
public final class KeysetCursor {
    private static final String CURSOR = "cursor";
    private static final byte FORMAT = 1;
    private static final int FINGERPRINT_BYTES = 8;
    private static final int DIGEST_BYTES = 12;
    private static final int MAX_LENGTH = 4096;
    private static final byte[] DIGEST_CONTEXT = "strata-keyset-cursor".getBytes(StandardCharsets.UTF_8);
    /** Fingerprints by sort key: a resource has a few sort orders, each asked for on every page of a list. */
    private static final Map<String, byte[]> FINGERPRINTS = new ConcurrentHashMap<>();

    private static final int MAX_REMEMBERED = 1024;

    private KeysetCursor() {}

    /** Encodes {@code values} (nullable; the last one is the id) for the order named by {@code sortKey}. */
    public static String encode(String sortKey, List<?> values) {
        if (values.size() > 255) {
            throw new IllegalArgumentException("too many sort values");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.write(fingerprint(sortKey));
            out.writeByte(values.size());
            for (Object value : values) {
                if (value == null) {
                    out.writeBoolean(false);
                } else {
                    out.writeBoolean(true);
                    out.writeUTF(text(value));
                }
            }
            out.write(digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * Decodes a cursor made by {@link #encode} for the same {@code sortKey}, converting each value to
     * the matching type of {@code types}. Anything else is a {@link ValidationException} on {@code cursor}.
     */
    public static List<Object> decode(String cursor, String sortKey, List<Class<?>> types) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid("is not a cursor returned by this list");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor returned by this list");
        }
        if (raw.length < 1 + FINGERPRINT_BYTES + 1 + DIGEST_BYTES) {
            throw invalid("is not a cursor returned by this list");
        }
        byte[] body = Arrays.copyOf(raw, raw.length - DIGEST_BYTES);
        byte[] seal = Arrays.copyOfRange(raw, raw.length - DIGEST_BYTES, raw.length);
        if (!MessageDigest.isEqual(seal, digest(body))) {
            throw invalid("has been altered or is not a cursor returned by this list");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readByte() != FORMAT) {
                throw invalid("has an unknown format; start again without a cursor");
            }
            byte[] print = in.readNBytes(FINGERPRINT_BYTES);
            if (!MessageDigest.isEqual(print, fingerprint(sortKey))) {
                throw invalid("belongs to another list or sort order; use the same sort (and list) as the request "
                        + "that returned it, or start again without a cursor");
            }
            int count = in.readUnsignedByte();
            if (count != types.size()) {
                throw invalid("does not match this sort order");
            }
            List<Object> values = new ArrayList<>(count);
            for (Class<?> type : types) {
                values.add(in.readBoolean() ? parse(in.readUTF(), type) : null);
            }
            if (in.available() > 0) {
                throw invalid("has trailing data");
            }
            return Collections.unmodifiableList(values);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw invalid("is not a cursor returned by this list");
        }
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Instant i) {
            return IsoInstants.text(i); // Instant#toString's text, without its formatter
        }
        return value.toString();
    }

    /** A value of {@code type}; values PostgreSQL cannot take as a parameter are rejected (a forged cursor). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return Storable.text(CURSOR, text);
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        if (type == Instant.class) {
            return Storable.instant(CURSOR, Instant.parse(text));
        }
        if (type == OffsetDateTime.class) {
            OffsetDateTime value = OffsetDateTime.parse(text);
            Storable.instant(CURSOR, value.toInstant());
            return value;
        }
        if (type == LocalDate.class) {
            return Storable.date(CURSOR, LocalDate.parse(text));
        }
        if (type == LocalDateTime.class) {
            LocalDateTime value = LocalDateTime.parse(text);
            Storable.instant(CURSOR, value.toInstant(java.time.ZoneOffset.UTC));
            return value;
        }
        if (type == Long.class || type == long.class) {
            return integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Integer.class || type == int.class) {
            return (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Short.class || type == short.class) {
            return (short) integer(text, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (type == BigDecimal.class) {
            BigDecimal value = AsciiNumbers.decimal(text);
            if (value == null) {
                throw new IllegalArgumentException(text);
            }
            return Storable.decimal(CURSOR, value);
        }
        if (type == Boolean.class || type == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(text);
            }
            return Boolean.valueOf(text);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalStateException("cannot page by a value of type " + type.getName());
    }

    /**
     * A whole number from {@code min} to {@code max} in ASCII digits ({@link AsciiNumbers}): the JDK's parsers also
     * read a plus sign and other scripts' digits, which only a forged cursor could carry.
     */
    private static long integer(String text, long min, long max) {
        Long value = AsciiNumbers.integer(text);
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }

    /** True when values of {@code type} can be carried by a cursor. */
    static boolean supports(Class<?> type) {
        return type == String.class
                || type == UUID.class
                || type == Instant.class
                || type == OffsetDateTime.class
                || type == LocalDate.class
                || type == LocalDateTime.class
                || type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class
                || type == BigDecimal.class
                || type == Boolean.class
                || type == boolean.class
                || type.isEnum();
    }

    private static byte[] fingerprint(String sortKey) {
        byte[] known = FINGERPRINTS.get(sortKey);
        if (known != null) {
            return known;
        }
        byte[] print = Arrays.copyOf(Sha256.of(sortKey.getBytes(StandardCharsets.UTF_8)), FINGERPRINT_BYTES);
        if (FINGERPRINTS.size() < MAX_REMEMBERED) { // sort keys come from requests: remember a bounded number
            FINGERPRINTS.put(sortKey, print);
        }
        return print;
    }

    private static byte[] digest(byte[] body) {
        return Arrays.copyOf(Sha256.of(DIGEST_CONTEXT, body), DIGEST_BYTES);
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(CURSOR, message);
    }
}

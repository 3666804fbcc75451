package io.strata.bench.peer.web.rest;

import io.strata.bench.peer.web.rest.errors.Problems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;

/**
 * The {@code cursor} of the user list: a Spring Data {@link KeysetScrollPosition} ({@code createdAt}, {@code id} of
 * the last row) written in Strata's cursor format, so that clients see the same opaque token from either server:
 * base64url (no padding) of {@code version(1) | fingerprint(8) | count(1) | (present(1) utf(value))* | digest(12)},
 * the fingerprint binding it to this list and sort, the digest making an edited cursor a 400.
 */
final class UserCursor {

    private static final byte FORMAT = 1;
    private static final int DIGEST_BYTES = 12;
    private static final int MAX_LENGTH = 1024;
    private static final byte[] FINGERPRINT = Arrays.copyOf(sha256(bytes("users:-createdAt,-id")), 8);
    private static final byte[] DIGEST_CONTEXT = bytes("strata-keyset-cursor");

    private UserCursor() {
    }

    static String encode(ScrollPosition position) {
        Map<String, ?> keys = ((KeysetScrollPosition) position).getKeys();
        ByteArrayOutputStream body = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeByte(FORMAT);
            out.write(FINGERPRINT);
            out.writeByte(2);
            out.writeBoolean(true);
            out.writeUTF(keys.get("createdAt").toString());
            out.writeBoolean(true);
            out.writeUTF(keys.get("id").toString());
            out.write(digest(body.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.toByteArray());
    }

    /** The position after the row a cursor names; anything this list did not issue is a 400. */
    static KeysetScrollPosition decode(String cursor) {
        try {
            if (cursor.isBlank() || cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("length");
            }
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            byte[] body = Arrays.copyOf(raw, raw.length - DIGEST_BYTES);
            if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, body.length, raw.length), digest(body))) {
                throw new IllegalArgumentException("digest");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            if (in.readByte() != FORMAT || !MessageDigest.isEqual(in.readNBytes(FINGERPRINT.length), FINGERPRINT)
                    || in.readUnsignedByte() != 2 || !in.readBoolean()) {
                throw new IllegalArgumentException("header");
            }
            Instant createdAt = Instant.parse(in.readUTF());
            if (!in.readBoolean()) {
                throw new IllegalArgumentException("id");
            }
            UUID id = UUID.fromString(in.readUTF());
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing data");
            }
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("createdAt", createdAt);
            keys.put("id", id);
            return ScrollPosition.forward(keys);
        } catch (IOException | RuntimeException e) {
            throw Problems.validation("cursor", "is not a cursor returned by this list");
        }
    }

    private static byte[] digest(byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DIGEST_CONTEXT);
            sha.update(body);
            return Arrays.copyOf(sha.digest(), DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

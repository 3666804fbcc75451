package io.strata.bench.baseline;

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
import java.util.UUID;

/**
 * The keyset cursor of {@code GET /users?sort=-createdAt}: the last row's {@code createdAt} and {@code id}.
 *
 * <p>A lean API could send {@code base64url("createdAt|id")}. Strata's cursor (KeysetCursor in
 * adapters-persistence) is bound to the list and sort by a fingerprint and sealed with a digest so that an
 * edited cursor is rejected; this class writes that same format, so both servers return the same bytes,
 * accept each other's cursors and do the same hashing per page: base64url (no padding) of
 * {@code version(1) | fingerprint(8) | count(1) | (present(1) utf(value))* | digest(12)}.
 */
final class UserCursor {
    /** Where the next page starts: after this row in (createdAt desc, id desc) order. */
    record Position(Instant createdAt, UUID id) {
    }

    private static final byte FORMAT = 1;
    private static final int DIGEST_BYTES = 12;
    private static final int MAX_LENGTH = 1024;
    private static final byte[] FINGERPRINT = Arrays.copyOf(sha256(bytes("users:-createdAt,-id")), 8);
    private static final byte[] DIGEST_CONTEXT = bytes("strata-keyset-cursor");

    private UserCursor() {
    }

    static String encode(Position position) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeByte(FORMAT);
            out.write(FINGERPRINT);
            out.writeByte(2);
            out.writeBoolean(true);
            out.writeUTF(position.createdAt().toString());
            out.writeBoolean(true);
            out.writeUTF(position.id().toString());
            out.write(digest(body.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.toByteArray());
    }

    /** The position of a cursor made by {@link #encode} (or by Strata for this list); anything else is a 400. */
    static Position decode(String cursor) {
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
            return new Position(createdAt, id);
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.validation("cursor", "is not a cursor returned by this list");
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

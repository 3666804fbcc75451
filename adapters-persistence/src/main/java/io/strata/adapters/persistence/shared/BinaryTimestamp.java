package io.strata.adapters.persistence.shared;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} in PostgreSQL's binary form, microseconds since 2000-01-01 UTC in eight bytes: sent as a
 * parameter, and read back from a result sent in binary. pgjdbc binds an {@code OffsetDateTime} as text, and reads
 * one into an {@code OffsetDateTime}, through a {@code TimestampUtils} it makes afresh for every statement and every
 * result set (a {@code GregorianCalendar} each time): ~3% of a task's creation in a profile, the server parsing the
 * text besides. The parameter's type is {@code timestamptz} either way, so the statement and its plan are the same;
 * should binary sending be turned off for the type ({@code binaryTransferDisable}), pgjdbc sends {@link #getValue()},
 * the ISO-8601 text, instead.
 *
 * <p>An instant is rounded to the microsecond, half up, as pgjdbc rounds it. {@link #of} answers null for instants
 * outside what eight bytes of microseconds hold; the caller binds those as before and PostgreSQL refuses them.
 */
final class BinaryTimestamp extends BinaryParameter {
    private static final long serialVersionUID = 1L;
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds since 1970's. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private final long micros;

    private BinaryTimestamp(long micros) {
        super("timestamptz");
        this.micros = micros;
    }

    /** The instant as a binary parameter, or null when its microseconds since 2000 do not fit in a long. */
    static BinaryTimestamp of(Instant instant) {
        try {
            long micros = Math.addExact(
                    Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                    instant.getNano() / 1_000);
            if (instant.getNano() % 1_000 >= 500) {
                micros = Math.addExact(micros, 1);
            }
            return new BinaryTimestamp(micros);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Microseconds since 2000-01-01 UTC (tests). */
    long micros() {
        return micros;
    }

    /**
     * The instant of a binary {@code timestamptz} value: eight bytes, big-endian. PostgreSQL's {@code infinity} and
     * {@code -infinity} are the largest and smallest instants pgjdbc makes of them.
     */
    static Instant instant(byte[] value) {
        if (value.length != Long.BYTES) {
            throw new IllegalArgumentException("a binary timestamptz is 8 bytes, not " + value.length);
        }
        long micros = 0;
        for (byte b : value) {
            micros = (micros << 8) | (b & 0xFF);
        }
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX.toInstant();
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN.toInstant();
        }
        return ofMicros(micros);
    }

    private static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECOND, Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The instant as sent, to the microsecond, in ISO-8601. */
    @Override
    public String getValue() {
        return ofMicros(micros).toString();
    }

    @Override
    public int lengthInBytes() {
        return Long.BYTES;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[offset + i] = (byte) (micros >>> (56 - 8 * i));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryTimestamp that && that.micros == micros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(micros);
    }
}

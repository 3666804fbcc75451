package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's binary {@code timestamptz}: microseconds since 2000-01-01 UTC, both ways (PostgreSQL's side: PostgresInstantsTest). */
class BinaryTimestampTest {

    @Test
    void anInstantIsMicrosecondsSincePostgresEpochAndReadsBackAsItself() {
        assertThat(BinaryTimestamp.of(Instant.parse("2000-01-01T00:00:00Z")).micros())
                .isZero();
        assertThat(BinaryTimestamp.of(Instant.parse("2000-01-01T00:00:01.000002Z"))
                        .micros())
                .isEqualTo(1_000_002L);
        assertThat(BinaryTimestamp.of(Instant.parse("1999-12-31T23:59:59.999999Z"))
                        .micros())
                .isEqualTo(-1L);
        for (Instant instant : List.of(
                Instant.parse("2026-12-05T08:30:01.123456Z"),
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("-4713-11-24T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"))) {
            BinaryTimestamp parameter = BinaryTimestamp.of(instant);
            byte[] bytes = new byte[parameter.lengthInBytes()];
            parameter.toBytes(bytes, 0);
            assertThat(BinaryTimestamp.instant(bytes)).as("%s", instant).isEqualTo(instant);
            assertThat(parameter.getValue())
                    .as("its text, should binary sending be off")
                    .isEqualTo(instant.toString());
            assertThat(parameter.isNull()).isFalse();
            assertThat(parameter.getType()).isEqualTo("timestamptz");
        }
    }

    @Test
    void theBytesAreBigEndianAtTheirOffset() {
        byte[] bytes = new byte[10];
        BinaryTimestamp.of(Instant.parse("2000-01-01T00:00:00.000258Z")).toBytes(bytes, 1);
        assertThat(bytes).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 2, 0);
    }

    @Test
    void nanosecondsAreRoundedToTheMicrosecondHalfUpAsPgjdbcRoundsThem() {
        assertThat(BinaryTimestamp.of(Instant.parse("2000-01-01T00:00:00.000001499Z"))
                        .micros())
                .isEqualTo(1);
        assertThat(BinaryTimestamp.of(Instant.parse("2000-01-01T00:00:00.000001500Z"))
                        .micros())
                .isEqualTo(2);
        assertThat(BinaryTimestamp.of(Instant.parse("1999-12-31T23:59:59.999999500Z"))
                        .micros())
                .isZero();
        assertThat(BinaryTimestamp.of(Instant.parse("2000-01-01T00:00:00.000001500Z"))
                        .getValue())
                .as("the text sent should binary sending be off: the same microsecond")
                .isEqualTo("2000-01-01T00:00:00.000002Z");
    }

    @Test
    void anInstantBeyondEightBytesOfMicrosecondsIsNotOneAndInfinityReadsAsPgjdbcReadsIt() {
        assertThat(BinaryTimestamp.of(Instant.MAX)).isNull();
        assertThat(BinaryTimestamp.of(Instant.MIN)).isNull();
        assertThat(BinaryTimestamp.instant(new byte[] {0x7f, -1, -1, -1, -1, -1, -1, -1}))
                .isEqualTo(OffsetDateTime.MAX.toInstant());
        assertThat(BinaryTimestamp.instant(new byte[] {-128, 0, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(OffsetDateTime.MIN.toInstant());
        assertThatThrownBy(() -> BinaryTimestamp.instant(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }
}

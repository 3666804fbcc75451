package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {
    private static final List<Class<?>> TYPES = List.of(
            String.class,
            Instant.class,
            LocalDate.class,
            Long.class,
            Integer.class,
            BigDecimal.class,
            Boolean.class,
            UserStatus.class,
            String.class,
            UUID.class);
    private static final List<Object> VALUES = Arrays.asList(
            "a|b ü",
            Instant.parse("2026-01-02T03:04:05.123456Z"),
            LocalDate.parse("2026-02-03"),
            42L,
            7,
            new BigDecimal("12.50"),
            true,
            UserStatus.INACTIVE,
            null,
            UUID.randomUUID());

    @Test
    void roundTripsEveryType() {
        String cursor = KeysetCursor.encode("users:-createdAt,-id", VALUES);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(KeysetCursor.decode(cursor, "users:-createdAt,-id", TYPES)).isEqualTo(VALUES);
    }

    /** Cursors handed out by earlier builds (kept by clients between pages) still decode to the same position. */
    @Test
    void theEncodingIsStableAcrossBuilds() {
        Instant at = Instant.parse("2026-12-03T04:30:41.123456Z");
        UUID id = UUID.fromString("0b7c0d8e-1f2a-4b3c-8d9e-0f1a2b3c4d5e");
        String users =
                "AetIMh1oDkDUAgEAGzIwMjYtMTItMDNUMDQ6MzA6NDEuMTIzNDU2WgEAJDBiN2MwZDhlLTFmMmEtNGIzYy04ZDllLTBmMWEyYjNjNGQ1"
                        + "ZZiPlnMWn42p5HRkNw";
        assertThat(KeysetCursor.encode("users:-createdAt,-id", List.of(at, id))).isEqualTo(users);
        assertThat(KeysetCursor.decode(users, "users:-createdAt,-id", List.of(Instant.class, UUID.class)))
                .containsExactly(at, id);
        String tasks = "AaJuLXcmRk5zAwABABQyMDI2LTAxLTAxVDAwOjAwOjAwWgEAAjQyNZ-AN53i6VcXdr0_";
        List<Object> values = Arrays.asList(null, Instant.parse("2026-01-01T00:00:00Z"), 42L);
        assertThat(KeysetCursor.encode("tasks:dueDate,id", values)).isEqualTo(tasks);
        assertThat(KeysetCursor.decode(tasks, "tasks:dueDate,id", List.of(LocalDate.class, Instant.class, Long.class)))
                .isEqualTo(values);
    }

    @Test
    void manyThreadsEncodeAndDecodeAtOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String sort = "users:sort" + (i % 7) + ",-id";
                        List<Object> values = List.of(Instant.ofEpochSecond(thread * 1_000_000L + i, i), (long) i);
                        String cursor = KeysetCursor.encode(sort, values);
                        if (!KeysetCursor.decode(cursor, sort, List.of(Instant.class, Long.class))
                                .equals(values)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var result : done) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aForgedCursorCannotCarryValuesPostgresRejects() {
        // the digest is no secret: anyone who reads the code can seal a cursor, so its values are checked too
        List<Class<?>> types = List.of(Instant.class, UUID.class);
        for (List<Object> forged : List.of(
                List.<Object>of(Instant.parse("+1000000000-12-31T23:59:59Z"), UUID.randomUUID()),
                List.<Object>of(Instant.parse("-4714-01-01T00:00:00Z"), UUID.randomUUID()))) {
            String cursor = KeysetCursor.encode("users:createdAt,id", forged);
            assertThatThrownBy(() -> KeysetCursor.decode(cursor, "users:createdAt,id", types))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        }
        String nul = KeysetCursor.encode("users:username,id", List.of("a\u0000", UUID.randomUUID()));
        assertThatThrownBy(() -> KeysetCursor.decode(nul, "users:username,id", List.of(String.class, UUID.class)))
                .hasMessageContaining("NUL");
        String date = KeysetCursor.encode("tasks:dueDate,id", List.of(LocalDate.MAX, UUID.randomUUID()));
        assertThatThrownBy(() -> KeysetCursor.decode(date, "tasks:dueDate,id", List.of(LocalDate.class, UUID.class)))
                .isInstanceOf(ValidationException.class);
        String amount = KeysetCursor.encode("p:budget,id", List.of(new BigDecimal("1e2000"), UUID.randomUUID()));
        assertThatThrownBy(() -> KeysetCursor.decode(amount, "p:budget,id", List.of(BigDecimal.class, UUID.class)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aForgedCursorsNumbersAreReadOnlyInAsciiAndWithinTheirType() {
        // Long.valueOf alone would also read "+5" and other scripts' digits ("١٠" is 10)
        for (String forged : List.of("+5", "١٠", "１２", "5_0", "", "-", " 5", "1.5")) {
            String cursor = KeysetCursor.encode("tasks:position,id", List.of(forged, UUID.randomUUID()));
            for (Class<?> type : List.of(Long.class, Integer.class, Short.class)) {
                assertThatThrownBy(() -> KeysetCursor.decode(cursor, "tasks:position,id", List.of(type, UUID.class)))
                        .as("%s as %s", forged, type.getSimpleName())
                        .isInstanceOf(ValidationException.class);
            }
        }
        String wide = KeysetCursor.encode("tasks:position,id", List.of("40000", UUID.randomUUID()));
        assertThatThrownBy(() -> KeysetCursor.decode(wide, "tasks:position,id", List.of(Short.class, UUID.class)))
                .isInstanceOf(ValidationException.class);
        for (String forged : List.of("١.٥", "１２", "1.2.3", "1,5", "NaN", "", " 5")) {
            String cursor = KeysetCursor.encode("p:budget,id", List.of(forged, UUID.randomUUID()));
            assertThatThrownBy(() -> KeysetCursor.decode(cursor, "p:budget,id", List.of(BigDecimal.class, UUID.class)))
                    .as(forged)
                    .isInstanceOf(ValidationException.class);
        }
        UUID id = UUID.randomUUID();
        String negative = KeysetCursor.encode("tasks:position,id", List.of(-42L, id));
        assertThat(KeysetCursor.decode(negative, "tasks:position,id", List.of(Long.class, UUID.class)))
                .containsExactly(-42L, id);
        for (long edge : new long[] {Long.MIN_VALUE, Long.MAX_VALUE}) {
            // every value the server writes into a cursor reads back, the extremes of a bigint column too
            String cursor = KeysetCursor.encode("tasks:position,id", List.of(edge, id));
            assertThat(KeysetCursor.decode(cursor, "tasks:position,id", List.of(Long.class, UUID.class)))
                    .containsExactly(edge, id);
        }
        String amount = KeysetCursor.encode("p:budget,id", List.of(new BigDecimal("-12.50"), id));
        assertThat(KeysetCursor.decode(amount, "p:budget,id", List.of(BigDecimal.class, UUID.class)))
                .containsExactly(new BigDecimal("-12.50"), id);
    }

    @Test
    void everyAlteredByteIsRejected() {
        String cursor = KeysetCursor.encode("users:username,id", VALUES);
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        for (int i = 0; i < raw.length; i++) {
            byte[] altered = raw.clone();
            altered[i] ^= 0x01;
            String bad = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThatThrownBy(() -> KeysetCursor.decode(bad, "users:username,id", TYPES))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        }
    }

    @Test
    void aCursorOfAnotherSortOrResourceIsRejected() {
        String cursor = KeysetCursor.encode("users:username,id", List.of("bob", UUID.randomUUID()));
        List<Class<?>> types = List.of(String.class, UUID.class);
        assertThatThrownBy(() -> KeysetCursor.decode(cursor, "users:-username,-id", types))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sort order");
        assertThatThrownBy(() -> KeysetCursor.decode(cursor, "projects:username,id", types))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sort order");
    }

    @Test
    void garbageIsRejected() {
        for (String bad : List.of("", "***", "AAAA", "x".repeat(5000))) {
            assertThatThrownBy(() -> KeysetCursor.decode(bad, "users:username,id", List.of(String.class, UUID.class)))
                    .isInstanceOf(ValidationException.class);
        }
    }
}

package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PhcTest {
    // made by password4j 1.8.2 (Strata's hasher before this class) with the OWASP parameters Strata stores
    private static final String PASSWORD4J_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$p8lYVEd4hIneTuf5ujqLkQ$NGo027/DaM4PxZq5SJA+SrjhElG24JmHS40n0WHQQK4";

    @Test
    void checksHashesStoredByThePreviousHasher() {
        Argon2Phc stored = Argon2Phc.parse(PASSWORD4J_HASH).orElseThrow();
        assertThat(stored.matches("correct horse battery staple")).isTrue();
        assertThat(stored.matches("correct horse battery staple ")).isFalse();
        assertThat(stored.matches("")).isFalse();
    }

    @Test
    void encodesWhatItParsesAndMatchesOnlyItsPassword() {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.UTF_8);
        Argon2Phc made = Argon2Phc.argon2id("pässwörd ✓", 19_456, 2, 1, salt, 32);
        String phc = made.encoded();
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$c2l4dGVlbiBieXRlIHNsdA$");
        Argon2Phc parsed = Argon2Phc.parse(phc).orElseThrow();
        assertThat(parsed.encoded()).isEqualTo(phc);
        assertThat(parsed.matches("pässwörd ✓")).isTrue();
        assertThat(parsed.matches("passwörd ✓")).isFalse();
    }

    @Test
    void otherParametersGiveAnotherHash() {
        byte[] salt = new byte[16];
        String cheap = Argon2Phc.argon2id("secret", 64, 1, 1, salt, 32).encoded();
        assertThat(cheap).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(Argon2Phc.parse(cheap).orElseThrow().matches("secret")).isTrue();
        assertThat(cheap)
                .isNotEqualTo(Argon2Phc.argon2id("secret", 64, 2, 1, salt, 32).encoded());
    }

    @Test
    void concurrentHashesStayWithinTheirShareOfTheHeap() throws Exception {
        int threads = 12;
        byte[] salt = new byte[16];
        String phc = Argon2Phc.argon2id(
                        "burst", Argon2UserCredentials.MEMORY_KIB, Argon2UserCredentials.ITERATIONS, 1, salt, 32)
                .encoded();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                checks.add(pool.submit(() -> {
                    start.await();
                    return Argon2Phc.parse(phc).orElseThrow().matches("burst");
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(HashingMemory.SHARED.peakKib())
                .isGreaterThanOrEqualTo(Argon2UserCredentials.MEMORY_KIB)
                .isLessThanOrEqualTo(HashingMemory.SHARED.budgetKib());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", // bcrypt
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$",
                "$argon2id$v=18$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA", // 95 GiB
                "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=999,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=8,t=2,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA$",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0x$aGFzaGhhc2hoYXNoaGFzaA", // 4n+1 characters
                "$argon2x$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            })
    void refusesWhatIsNotAnArgon2StringWithinLimits(String stored) {
        assertThat(Argon2Phc.parse(stored)).isEmpty();
    }
}

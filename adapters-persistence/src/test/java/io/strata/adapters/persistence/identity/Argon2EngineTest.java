package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2EngineTest {
    @Test
    void hashesWithLibargon2OnThePlatformsItShipsFor() {
        String arch = System.getProperty("os.arch");
        boolean bundled = System.getProperty("os.name").toLowerCase().startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
        if (bundled) {
            assertThat(Argon2Engine.isNative()).as("libargon2 loads on " + arch).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
        // type, version, memory KiB, iterations, parallelism, hash bytes
        "2, 19, 19456, 2, 1, 32",
        "2, 16, 64, 1, 1, 16",
        "1, 19, 256, 3, 2, 32",
        "0, 19, 128, 1, 4, 64",
        "2, 19, 8, 1, 1, 8",
    })
    void givesTheSameHashAsBouncyCastle(
            int type, int versionDecimal, int memoryKib, int iterations, int parallelism, int length) {
        int version = versionDecimal == 16 ? Argon2Parameters.ARGON2_VERSION_10 : Argon2Parameters.ARGON2_VERSION_13;
        Random random = new Random(memoryKib * 31L + type);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Argon2Phc with = new Argon2Phc(type, version, memoryKib, iterations, parallelism, salt, new byte[length]);
        for (String password : new String[] {"", "correct horse battery staple", "pässwörd ✓ \u0000 \uD83D\uDE00"}) {
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            assertThat(Argon2Engine.hash(with, bytes))
                    .as(password)
                    .hasSize(length)
                    .isEqualTo(Argon2Engine.bouncyCastle(with, bytes));
        }
    }

    @Test
    void leavesWhatLibargon2RefusesToBouncyCastle() {
        byte[] shortSalt = {1, 2, 3, 4}; // libargon2 wants at least 8 bytes of salt
        byte[] password = "secret".getBytes(StandardCharsets.UTF_8);
        int id = Argon2Parameters.ARGON2_id;
        int v13 = Argon2Parameters.ARGON2_VERSION_13;
        Argon2Phc with = new Argon2Phc(id, v13, 64, 1, 1, shortSalt, new byte[32]);
        assertThat(Argon2Engine.hash(with, password)).isEqualTo(Argon2Engine.bouncyCastle(with, password));
    }

    @Test
    void hashesOneAfterAnotherWriteInTheSameMemory() {
        assumeTrue(Argon2Engine.isNative(), "libargon2 hashes here");
        Argon2Phc with = strataParameters();
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] expected = Argon2Engine.hash(with, password);
        long mapped = Argon2Engine.buffers().mapped();
        for (int i = 0; i < 5; i++) {
            assertThat(Argon2Engine.hash(with, password)).isEqualTo(expected);
        }
        assertThat(Argon2Engine.buffers().mapped())
                .as("no memory taken from the system after the first hash")
                .isEqualTo(mapped);
    }

    @Test
    void moreHashesAtOnceThanBuffersKeptAllGiveTheRightHash() throws Exception {
        Argon2Phc with = strataParameters();
        int threads = 8;
        byte[][] passwords = new byte[threads][];
        byte[][] expected = new byte[threads][];
        for (int t = 0; t < threads; t++) {
            passwords[t] = ("password " + t).getBytes(StandardCharsets.UTF_8);
            expected[t] = Argon2Engine.bouncyCastle(with, passwords[t]);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[][]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte[] password = passwords[t];
                results.add(pool.submit(() -> {
                    start.await();
                    return new byte[][] {Argon2Engine.hash(with, password), Argon2Engine.hash(with, password)};
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                byte[][] hashes = results.get(t).get(120, TimeUnit.SECONDS);
                assertThat(hashes[0]).as("thread " + t).isEqualTo(expected[t]);
                assertThat(hashes[1]).as("thread " + t + ", again").isEqualTo(expected[t]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Argon2Phc strataParameters() {
        return new Argon2Phc(
                Argon2Parameters.ARGON2_id,
                Argon2Parameters.ARGON2_VERSION_13,
                Argon2UserCredentials.MEMORY_KIB,
                Argon2UserCredentials.ITERATIONS,
                Argon2UserCredentials.PARALLELISM,
                new byte[Argon2UserCredentials.SALT_BYTES],
                new byte[Argon2UserCredentials.HASH_BYTES]);
    }
}

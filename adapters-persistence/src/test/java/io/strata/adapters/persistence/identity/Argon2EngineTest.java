package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
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
}

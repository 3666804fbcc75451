package io.strata.domain.shared.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link Sha256} is the JRE's SHA-256, of the parts in order, from any number of threads at once. */
class Sha256Test {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDigestOfThePartsInOrder() throws Exception {
        assertThat(HexFormat.of().formatHex(Sha256.of(bytes("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.of(bytes("ab"), bytes("c"))).isEqualTo(Sha256.of(bytes("abc")));
        assertThat(Sha256.of()).isEqualTo(MessageDigest.getInstance("SHA-256").digest());
    }

    @Test
    void threadsGetTheirOwnDigest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    MessageDigest reference = MessageDigest.getInstance("SHA-256");
                    for (int i = 0; i < 5_000; i++) {
                        byte[] input = bytes(thread + ":" + i);
                        if (!MessageDigest.isEqual(Sha256.of(input), reference.digest(input))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

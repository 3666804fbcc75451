package io.strata.adapters.persistence.identity;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes raw argon2 hashes (types and versions as Bouncy Castle's {@link Argon2Parameters} numbers them).
 *
 * <p>libargon2, the reference C implementation, bundled by argon2-jvm for the common platforms and called through
 * JNA, does the work when it loads and agrees with Bouncy Castle on a known input; Bouncy Castle's pure-Java
 * implementation does it otherwise, and for any call libargon2 refuses. Both compute the standard function, so a
 * hash made by one checks with the other. Why native: Bouncy Castle takes its working memory (9 MiB of 1 KiB
 * blocks with Strata's parameters) from the Java heap on every hash, and the blocks that outlive a young collection
 * fill the old generation, so a burst of log-ins commits the whole heap; libargon2 takes it with malloc and frees
 * it when the hash returns, and in a server a log-in took 37-42 ms of CPU against 92-107 ms with Bouncy Castle
 * (measured with the earlier 19 MiB parameters; with 9 MiB, 26 ms in bench/run).
 */
final class Argon2Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Argon2Engine.class);
    private static final int M_MMAP_THRESHOLD = -3; // glibc's malloc.h

    /** libargon2 when it works here, null when Strata hashes with Bouncy Castle only. */
    private static final Argon2Advanced[] NATIVE = nativeWhenItAgrees();

    private Argon2Engine() {}

    /** The hash of {@code password} with the parameters and salt of {@code with}, as long as its hash. */
    static byte[] hash(Argon2Phc with, byte[] password) {
        if (NATIVE != null) {
            try {
                return NATIVE[with.type()].rawHashAdvanced(
                        with.iterations(),
                        with.memoryKib(),
                        with.parallelism(),
                        password,
                        with.salt(),
                        null,
                        null,
                        with.hash().length,
                        nativeVersion(with.version()));
            } catch (RuntimeException refused) {
                // libargon2 has limits of its own on inputs that Bouncy Castle takes: the latter decides
                LOG.debug("libargon2 refused a hash, computing it with Bouncy Castle", refused);
            }
        }
        return bouncyCastle(with, password);
    }

    /** Whether libargon2 computes the hashes here (false: Bouncy Castle does). */
    static boolean isNative() {
        return NATIVE != null;
    }

    static byte[] bouncyCastle(Argon2Phc with, byte[] password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(with.type())
                .withVersion(with.version())
                .withMemoryAsKB(with.memoryKib())
                .withIterations(with.iterations())
                .withParallelism(with.parallelism())
                .withSalt(with.salt())
                .build());
        byte[] out = new byte[with.hash().length];
        generator.generateBytes(password, out);
        return out;
    }

    /**
     * libargon2 takes a hash's working memory with malloc and frees it when the hash returns. glibc maps a block
     * that large on its own and unmaps it when freed, but after the first such free it raises its threshold for
     * that to the freed size, and the next hashes take their memory from the arenas of the threads that run them,
     * which keep it: a burst of log-ins then left one 19 MiB block per request thread (measured: a peak of 440-519
     * MB against 356-358 MB with the threshold fixed, and 6-10 ms more CPU per log-in for mapping fresh pages).
     * Fixing the threshold at 1 MiB keeps every hash's memory mapped for that hash only. Only glibc has mallopt;
     * elsewhere this does nothing.
     */
    private static void mapLargeAllocations() {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            Function mallopt =
                    NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallopt");
            int done = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, 1 << 20});
            if (done != 1) {
                LOG.debug("mallopt(M_MMAP_THRESHOLD) refused: hashes' memory may stay with glibc's arenas");
            }
        } catch (RuntimeException | LinkageError noMallopt) {
            LOG.debug("no mallopt here: {}", noMallopt.toString());
        }
    }

    private static Argon2Version nativeVersion(int version) {
        return version == Argon2Parameters.ARGON2_VERSION_10 ? Argon2Version.V10 : Argon2Version.V13;
    }

    /**
     * libargon2 for each type, indexed by Bouncy Castle's numbers (d 0, i 1, id 2), when it loads on this platform
     * and gives Bouncy Castle's hash of a small input for every type and version; null otherwise (no library for
     * this platform, JNA cannot unpack its native part, a library that computes something else).
     */
    private static Argon2Advanced[] nativeWhenItAgrees() {
        if (Boolean.getBoolean("strata.argon2.pure-java")) {
            LOG.info("Password hashing: Bouncy Castle (strata.argon2.pure-java is set)");
            return null;
        }
        try {
            Argon2Advanced[] byType = new Argon2Advanced[3];
            byType[Argon2Parameters.ARGON2_d] = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2d);
            byType[Argon2Parameters.ARGON2_i] = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2i);
            byType[Argon2Parameters.ARGON2_id] = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
            byte[] salt = "a known salt for the check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] password = "pässwörd ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int type = 0; type < byType.length; type++) {
                for (int version : new int[] {Argon2Parameters.ARGON2_VERSION_10, Argon2Parameters.ARGON2_VERSION_13}) {
                    byte[] expected =
                            bouncyCastle(new Argon2Phc(type, version, 64, 2, 2, salt, new byte[32]), password);
                    byte[] actual = byType[type].rawHashAdvanced(
                            2, 64, 2, password, salt, null, null, 32, nativeVersion(version));
                    if (!Arrays.equals(expected, actual)) {
                        LOG.warn("Password hashing: Bouncy Castle (libargon2 computed another argon2 hash here)");
                        return null;
                    }
                }
            }
            mapLargeAllocations();
            LOG.debug("Password hashing: libargon2");
            return byType;
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.info("Password hashing: Bouncy Castle (libargon2 is not available here: {})", unavailable.toString());
            return null;
        }
    }
}

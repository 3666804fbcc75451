package io.strata.adapters.persistence.identity;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;
import java.nio.charset.StandardCharsets;
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
 * hash made by one checks with the other. Why native: Bouncy Castle takes its working memory (7 MiB of 1 KiB
 * blocks with Strata's parameters) from the Java heap on every hash, and the blocks that outlive a young collection
 * fill the old generation, so a burst of log-ins commits the whole heap; libargon2 takes it off the heap, from
 * {@link HashBuffers}, and in a server a log-in took 37-42 ms of CPU against 92-107 ms with Bouncy Castle (measured
 * with the earlier 19 MiB parameters).
 */
final class Argon2Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Argon2Engine.class);
    private static final int M_MMAP_THRESHOLD = -3; // glibc's malloc.h

    /** libargon2's status for success (and, from the allocation callback, for no memory). */
    private static final int ARGON2_OK = 0;

    private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;

    /** Where libargon2 takes each hash's working memory from and gives it back to. */
    private static final HashBuffers BUFFERS =
            HashBuffers.forHashes(Runtime.getRuntime().availableProcessors(), Argon2UserCredentials.MEMORY_KIB);

    /** libargon2's allocate_cbk: {@code int (*)(uint8_t **memory, size_t bytes)}. */
    interface Allocate extends Callback {
        int invoke(Pointer memory, Size_t bytes);
    }

    /** libargon2's free_cbk: {@code void (*)(uint8_t *memory, size_t bytes)}, after it wiped the memory. */
    interface Free extends Callback {
        void invoke(Pointer memory, Size_t bytes);
    }

    // held here for the life of the process: JNA frees a callback's native stub once the callback is collected
    private static final Allocate ALLOCATE = Argon2Engine::allocate;
    private static final Free FREE = Argon2Engine::free;

    /** Whether libargon2 hashes here; false: Bouncy Castle does. Last: its check hashes through the fields above. */
    private static final boolean NATIVE = nativeWhenItAgrees();

    private Argon2Engine() {}

    /** The hash of {@code password} with the parameters and salt of {@code with}, as long as its hash. */
    static byte[] hash(Argon2Phc with, byte[] password) {
        if (NATIVE) {
            try {
                return libargon2(with, password);
            } catch (RuntimeException refused) {
                // libargon2 has limits of its own on inputs that Bouncy Castle takes: the latter decides
                LOG.debug("libargon2 refused a hash, computing it with Bouncy Castle", refused);
            }
        }
        return bouncyCastle(with, password);
    }

    /**
     * The hash by libargon2 (its argon2_ctx, as argon2-jvm calls it, but with the working memory from
     * {@link HashBuffers}). Types and versions are numbered alike by libargon2 and Bouncy Castle.
     */
    static byte[] libargon2(Argon2Phc with, byte[] password) {
        int length = with.hash().length;
        Memory out = new Memory(length);
        Memory pwd = new Memory(Math.max(1, password.length));
        Memory salt = new Memory(with.salt().length);
        try {
            pwd.write(0, password, 0, password.length);
            salt.write(0, with.salt(), 0, with.salt().length);
            Argon2_context.ByReference context = new Argon2_context.ByReference();
            context.out = out;
            context.outlen = new JnaUint32(length);
            context.pwd = pwd;
            context.pwdlen = new JnaUint32(password.length);
            context.salt = salt;
            context.saltlen = new JnaUint32(with.salt().length);
            context.secretlen = new JnaUint32(0);
            context.adlen = new JnaUint32(0);
            context.t_cost = new JnaUint32(with.iterations());
            context.m_cost = new JnaUint32(with.memoryKib());
            context.lanes = new JnaUint32(with.parallelism());
            context.threads = new JnaUint32(with.parallelism());
            context.version = new Argon2_version(with.version());
            context.allocate_cbk = CallbackReference.getFunctionPointer(ALLOCATE);
            context.free_cbk = CallbackReference.getFunctionPointer(FREE);
            context.flags = new JnaUint32(0);
            int result = Argon2Library.INSTANCE.argon2_ctx(context, new Argon2_type(with.type()));
            if (result != ARGON2_OK) {
                throw new IllegalArgumentException(Argon2Library.INSTANCE.argon2_error_message(result));
            }
            return out.getByteArray(0, length);
        } finally {
            pwd.clear();
            out.clear();
        }
    }

    private static int allocate(Pointer memory, Size_t bytes) {
        try {
            memory.setPointer(0, null);
            long address = BUFFERS.take(bytes.longValue());
            if (address == 0) {
                return ARGON2_MEMORY_ALLOCATION_ERROR;
            }
            memory.setPointer(0, new Pointer(address));
            return ARGON2_OK;
        } catch (RuntimeException | Error failed) {
            // an exception must not unwind through libargon2's C frames; no memory is an error it reports
            return ARGON2_MEMORY_ALLOCATION_ERROR;
        }
    }

    private static void free(Pointer memory, Size_t bytes) {
        BUFFERS.give(Pointer.nativeValue(memory));
    }

    /** The buffers libargon2 hashes in (for tests). */
    static HashBuffers buffers() {
        return BUFFERS;
    }

    /** Whether libargon2 computes the hashes here (false: Bouncy Castle does). */
    static boolean isNative() {
        return NATIVE;
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
     * Native memory for the hashes ({@link HashBuffers}) comes from malloc. glibc maps a block that large on its own
     * and unmaps it when freed, but after the first such free it raises its threshold for that to the freed size,
     * and the next blocks come from the arenas of the threads that ask, which keep them: when libargon2 took a
     * hash's memory with malloc itself, a burst of log-ins left one 19 MiB block per request thread (measured: a
     * peak of 440-519 MB against 356-358 MB with the threshold fixed). Fixing the threshold at 1 MiB keeps every
     * buffer mapped for as long as Strata holds it and no longer. Only glibc has mallopt; elsewhere this does
     * nothing.
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

    /**
     * Whether libargon2 loads on this platform and gives, through {@link #libargon2}, Bouncy Castle's hash of a small
     * input for every type and version; false otherwise (no library for this platform, JNA cannot unpack its native
     * part, a library or a binding that computes something else).
     */
    private static boolean nativeWhenItAgrees() {
        if (Boolean.getBoolean("strata.argon2.pure-java")) {
            LOG.info("Password hashing: Bouncy Castle (strata.argon2.pure-java is set)");
            return false;
        }
        try {
            byte[] salt = "a known salt for the check".getBytes(StandardCharsets.US_ASCII);
            byte[] password = "pässwörd ✓".getBytes(StandardCharsets.UTF_8);
            for (int type :
                    new int[] {Argon2Parameters.ARGON2_d, Argon2Parameters.ARGON2_i, Argon2Parameters.ARGON2_id}) {
                for (int version : new int[] {Argon2Parameters.ARGON2_VERSION_10, Argon2Parameters.ARGON2_VERSION_13}) {
                    Argon2Phc with = new Argon2Phc(type, version, 64, 2, 2, salt, new byte[32]);
                    if (!Arrays.equals(bouncyCastle(with, password), libargon2(with, password))) {
                        LOG.warn("Password hashing: Bouncy Castle (libargon2 computed another argon2 hash here)");
                        return false;
                    }
                }
            }
            mapLargeAllocations();
            LOG.debug("Password hashing: libargon2");
            return true;
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.info("Password hashing: Bouncy Castle (libargon2 is not available here: {})", unavailable.toString());
            return false;
        }
    }
}

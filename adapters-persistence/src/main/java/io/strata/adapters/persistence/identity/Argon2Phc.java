package io.strata.adapters.persistence.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An argon2 hash in the PHC string format ({@code $argon2id$v=19$m=9216,t=4,p=1$salt$hash}, base64 without
 * padding), computed by {@link Argon2Engine} (libargon2, or Bouncy Castle where it is not available).
 *
 * <p>Why not password4j (used before): its {@code Argon2Function} singletons keep an unused block of the whole
 * memory cost (19 MiB for the OWASP parameters it used) for the life of the process, a fifth of the heap that stays
 * live. Here the working memory belongs to one hash and is garbage when it returns. The strings are the same
 * standard format, so hashes stored by either check alike.
 */
record Argon2Phc(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    // limits on what a stored string may ask for: a corrupt or planted row must not cost gigabytes or minutes
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2(id|i|d)\\$v=(16|19)\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,128})\\$([A-Za-z0-9+/]{11,128})");

    /** Hashes {@code password} with these parameters and {@code salt}, keeping its length. */
    static Argon2Phc argon2id(
            String password, int memoryKib, int iterations, int parallelism, byte[] salt, int hashBytes) {
        Argon2Phc parameters = new Argon2Phc(
                Argon2Parameters.ARGON2_id,
                Argon2Parameters.ARGON2_VERSION_13,
                memoryKib,
                iterations,
                parallelism,
                salt,
                new byte[hashBytes]);
        return parameters.withHashOf(password);
    }

    /** The stored string read back, or empty when it is not an argon2 PHC string within the limits above. */
    static Optional<Argon2Phc> parse(String phc) {
        Matcher m = FORMAT.matcher(phc);
        if (!m.matches()) {
            return Optional.empty();
        }
        int type = switch (m.group(1)) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = m.group(2).equals("19") ? Argon2Parameters.ARGON2_VERSION_13 : Argon2Parameters.ARGON2_VERSION_10;
        int memory = Integer.parseInt(m.group(3));
        int iterations = Integer.parseInt(m.group(4));
        int parallelism = Integer.parseInt(m.group(5));
        if (memory > MAX_MEMORY_KIB
                || iterations < 1
                || iterations > MAX_ITERATIONS
                || parallelism < 1
                || parallelism > MAX_PARALLELISM
                || memory < 8 * parallelism) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Argon2Phc(
                    type,
                    version,
                    memory,
                    iterations,
                    parallelism,
                    Base64.getDecoder().decode(m.group(6)),
                    Base64.getDecoder().decode(m.group(7))));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Whether {@code password} hashes to this hash with its parameters and salt (compared in constant time). */
    boolean matches(String password) {
        return MessageDigest.isEqual(withHashOf(password).hash, hash);
    }

    /** Whether this is an argon2id hash of the current version with these costs and length. */
    boolean hasParameters(int memoryKib, int iterations, int parallelism, int hashBytes) {
        return type == Argon2Parameters.ARGON2_id
                && version == Argon2Parameters.ARGON2_VERSION_13
                && this.memoryKib == memoryKib
                && this.iterations == iterations
                && this.parallelism == parallelism
                && hash.length == hashBytes;
    }

    /** The PHC string, as {@link #parse} reads it. */
    String encoded() {
        String name = switch (type) {
            case Argon2Parameters.ARGON2_id -> "id";
            case Argon2Parameters.ARGON2_i -> "i";
            default -> "d";
        };
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2" + name + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Within the shared budget of hashing memory ({@link HashingMemory#SHARED}). */
    private Argon2Phc withHashOf(String password) {
        return HashingMemory.SHARED.use(memoryKib, () -> computed(password));
    }

    private Argon2Phc computed(String password) {
        byte[] out = Argon2Engine.hash(this, password.getBytes(StandardCharsets.UTF_8));
        return new Argon2Phc(type, version, memoryKib, iterations, parallelism, salt, out);
    }
}

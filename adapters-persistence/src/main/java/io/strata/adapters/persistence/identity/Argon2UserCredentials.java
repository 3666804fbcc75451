package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.StoredPassword;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Passwords as argon2id PHC strings ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}) with one of the OWASP
 * configurations: 7 MiB, 5 iterations, 1 lane, 32-byte hash, 16-byte random salt. Checks read the parameters from
 * the stored string, so hashes made with older parameters keep working (and are hashed again at the next log-in).
 *
 * <p>Why 7 MiB and 5 iterations rather than OWASP's first line (19 MiB, 2 iterations): OWASP's password storage
 * cheat sheet lists its five configurations (19 MiB/2, 12 MiB/3, 9 MiB/4, 7 MiB/5, 46 MiB/1) as the same level of
 * defence, trading memory for passes, and this one does about the same work as the others (7 x 5 = 35 MiB of blocks
 * processed against 36 for 9 MiB/4). A hash holds its memory while it runs, one per core in a burst of log-ins, so
 * the smallest configuration adds the least to the resident set: a burst on two cores holds 14 MiB instead of the
 * 18 MiB of 9 MiB/4 (bench/run's log-ins made its peak). Side by side (each hash in fresh memory then), log-ins
 * served 1.23x as many per second at 0.81x the CPU each.
 */
@Singleton
public class Argon2UserCredentials implements UserCredentials {
    static final int MEMORY_KIB = 7_168;
    static final int ITERATIONS = 5;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final SecureRandom SALTS = new SecureRandom();

    /*
     * Plain statements on the transaction's connection (PlainReads): a log-in runs these between its reads of the
     * user, and through Hibernate's query engine they were most of what the JIT compiled anew when log-ins began
     * after the other endpoints had warmed up. None of them changes an entity: the column is not updatable through
     * UserJpaEntity, so no flush of a loaded user writes it back.
     */
    private static final String STORE = "UPDATE users SET password_hash = ? WHERE id = ?";
    private static final String REPLACE = "UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?";
    private static final String LOAD = "SELECT password_hash FROM users WHERE id = ?";

    private final EntityManager entityManager;

    Argon2UserCredentials(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A bulk update: not a change of the User aggregate, so its version stays (the column is not updatable through
     * the entity, so no flush of a loaded user can overwrite it).
     */
    @Override
    @JoinsTransaction
    public void store(UserId userId, HashedPassword password) {
        int updated = PlainReads.statements(entityManager).update(STORE, statement -> {
            statement.setString(1, phc(password));
            statement.setObject(2, userId.value());
        });
        if (updated == 0) {
            throw new NotFoundException("user", userId);
        }
    }

    /** A compare-and-set on the column: a concurrent change of the password commits first and this finds no row. */
    @Override
    @JoinsTransaction
    public boolean replace(UserId userId, StoredPassword current, HashedPassword fresh) {
        if (!(current instanceof Stored stored) || stored.phc() == null) {
            return false;
        }
        return PlainReads.statements(entityManager).update(REPLACE, statement -> {
                    statement.setString(1, phc(fresh));
                    statement.setObject(2, userId.value());
                    statement.setString(3, stored.phc());
                })
                == 1;
    }

    /** Unknown users, users without a password or with an unreadable hash, and a null id match nothing. */
    @Override
    @JoinsTransaction
    public StoredPassword load(UserId userId) {
        if (userId == null) {
            return new Stored(null);
        }
        return new Stored(PlainReads.statements(entityManager)
                .byId(LOAD, userId.value(), rows -> rows.next() ? rows.getString(1) : null));
    }

    /** Touches no database, so it needs no transaction (the other methods join the caller's). */
    @Override
    public HashedPassword hash(Password password) {
        return new Argon2Hash(argon2id(password.reveal()).encoded());
    }

    /** The PHC string of a hash made by {@link #hash(Password)}, for the adapter that stores it. */
    static String phc(HashedPassword password) {
        if (password instanceof Argon2Hash argon2) {
            return argon2.phc();
        }
        throw new IllegalArgumentException("not a password hashed by " + Argon2UserCredentials.class.getSimpleName());
    }

    private static Argon2Phc argon2id(String plain) {
        byte[] salt = new byte[SALT_BYTES];
        SALTS.nextBytes(salt);
        return Argon2Phc.argon2id(plain, MEMORY_KIB, ITERATIONS, PARALLELISM, salt, HASH_BYTES);
    }

    /**
     * The PHC string as stored (null: none); equal when the strings are. Without a usable hash the check runs
     * against the dummy hash, to spend the same time, and fails.
     */
    private record Stored(String phc) implements StoredPassword {
        @Override
        public boolean matches(Password attempt) {
            Optional<Argon2Phc> hash = parsed();
            if (hash.isEmpty()) {
                DummyHash.VALUE.matches(attempt.reveal());
                return false;
            }
            return hash.get().matches(attempt.reveal());
        }

        @Override
        public boolean wantsRehash() {
            return parsed().filter(hash -> !hash.hasParameters(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES))
                    .isPresent();
        }

        private Optional<Argon2Phc> parsed() {
            return phc == null ? Optional.empty() : Argon2Phc.parse(phc);
        }

        @Override
        public String toString() {
            return "StoredPassword[***]";
        }
    }

    private record Argon2Hash(String phc) implements HashedPassword {
        @Override
        public String toString() {
            return "HashedPassword[***]";
        }
    }

    /** A hash of a random secret nobody knows, made on first use: checking against it costs a real check. */
    private static final class DummyHash {
        static final Argon2Phc VALUE;

        static {
            byte[] secret = new byte[32];
            SALTS.nextBytes(secret);
            VALUE = argon2id(Base64.getEncoder().encodeToString(secret));
        }
    }
}

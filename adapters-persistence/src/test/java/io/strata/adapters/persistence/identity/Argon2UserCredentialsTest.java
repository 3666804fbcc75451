package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.StoredPassword;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.UserId;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Argon2UserCredentialsTest extends PostgresTest {
    private UserRepository users;
    private UserCredentials credentials;

    @BeforeAll
    void beans() {
        users = bean(UserRepository.class);
        credentials = bean(UserCredentials.class);
    }

    @Test
    void storesAnArgon2idHashThatMatchesOnlyThePassword() {
        User user = tx(() -> {
            User added = users.add(IdentityFixtures.bareUser("hasher"));
            credentials.store(added.id(), credentials.hash(Password.newPassword("password", "correct horse battery")));
            return added;
        });
        String hash = storedHash(user.id());
        assertThat(hash).startsWith("$argon2id$v=19$m=9216,t=4,p=1$").doesNotContain("correct");
        assertThat(hash.substring(hash.lastIndexOf('$') + 1)).hasSize(43); // 32 bytes, base64 without padding
        assertThat(matches(user.id(), Password.attempt("correct horse battery")))
                .isTrue();
        assertThat(matches(user.id(), Password.attempt("correct horse battery ")))
                .isFalse();
        assertThat(matches(user.id(), Password.attempt(null))).isFalse();
        assertThat(readTx(() -> users.findById(user.id())).orElseThrow().version())
                .as("storing a password is not a change of the user")
                .isZero();
    }

    @Test
    void aHashStoredWithEarlierParametersStillMatches() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("earlier")));
        String earlier = Argon2Phc.argon2id("an old password", 19_456, 2, 1, new byte[16], 32)
                .encoded();
        txRun(() -> bean(EntityManager.class)
                .createNativeQuery("UPDATE users SET password_hash = :hash WHERE id = :id")
                .setParameter("hash", earlier)
                .setParameter("id", user.id().value())
                .executeUpdate());
        assertThat(storedHash(user.id())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(matches(user.id(), Password.attempt("an old password"))).isTrue();
        assertThat(matches(user.id(), Password.attempt("another password"))).isFalse();
        assertThat(readTx(() -> credentials.load(user.id())).wantsRehash()).isTrue();

        txRun(() -> credentials.store(user.id(), credentials.hash(Password.attempt("an old password"))));
        assertThat(readTx(() -> credentials.load(user.id())).wantsRehash()).isFalse();
        assertThat(readTx(() -> credentials.load(null)).wantsRehash())
                .as("no hash, nothing to hash again")
                .isFalse();
    }

    @Test
    void savingTheUserNeverOverwritesTheHash() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("keeper")));
        txRun(() -> credentials.store(user.id(), credentials.hash(Password.newPassword("password", "s3cret-enough"))));
        String hash = storedHash(user.id());
        txRun(() -> {
            User loaded = users.findById(user.id()).orElseThrow();
            credentials.store(user.id(), credentials.hash(Password.newPassword("password", "another-secret")));
            loaded.rename("Changed", "Name", () -> T0.plusSeconds(5));
            users.save(loaded); // the entity still holds the old hash in memory; the column is not updatable
        });
        assertThat(storedHash(user.id())).isNotEqualTo(hash);
        assertThat(matches(user.id(), Password.attempt("another-secret"))).isTrue();
    }

    @Test
    void unknownUsersAndUsersWithoutPasswordNeverMatchButCostACheck() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("nohash")));
        matches(null, Password.attempt("warm up"));
        long start = System.nanoTime();
        assertThat(matches(null, Password.attempt("anything"))).isFalse();
        long dummyNanos = System.nanoTime() - start;
        assertThat(matches(UserId.newId(), Password.attempt("anything"))).isFalse();
        assertThat(matches(user.id(), Password.attempt("!"))).isFalse();
        assertThat(dummyNanos).as("a null user still runs argon2").isGreaterThan(2_000_000L);
    }

    @Test
    void aLoadedPasswordIsEqualToAnotherLoadOnlyWhileTheHashIsUnchangedAndNeverPrintsIt() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("loader")));
        txRun(() -> credentials.store(user.id(), credentials.hash(Password.newPassword("password", "first secret"))));
        StoredPassword first = readTx(() -> credentials.load(user.id()));
        assertThat(readTx(() -> credentials.load(user.id()))).isEqualTo(first);
        assertThat(first.toString()).doesNotContain("argon2").doesNotContain(storedHash(user.id()));
        txRun(() -> credentials.store(user.id(), credentials.hash(Password.newPassword("password", "first secret"))));
        assertThat(readTx(() -> credentials.load(user.id())))
                .as("the same password hashed again has a new salt: a change")
                .isNotEqualTo(first);
        assertThat(readTx(() -> credentials.load(null))).isEqualTo(readTx(() -> credentials.load(UserId.newId())));
    }

    @Test
    void storingForAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> txRun(() -> credentials.store(
                        UserId.newId(), credentials.hash(Password.newPassword("p", "long enough pw")))))
                .isInstanceOf(NotFoundException.class);
    }

    /** Loads in a transaction and checks after it, as the use cases do. */
    private boolean matches(UserId id, Password attempt) {
        return readTx(() -> credentials.load(id)).matches(attempt);
    }

    private String storedHash(UserId id) {
        return readTx(() -> (String) bean(EntityManager.class)
                .createNativeQuery("SELECT password_hash FROM users WHERE id = :id", String.class)
                .setParameter("id", id.value())
                .getSingleResult());
    }
}

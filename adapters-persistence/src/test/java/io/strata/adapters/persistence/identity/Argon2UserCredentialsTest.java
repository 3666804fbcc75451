package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.StoredPassword;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.UserId;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").doesNotContain("correct");
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

    @Test
    void replaceSwapsOnlyTheHashThatWasLoaded() {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("swapper")));
        txRun(() -> credentials.store(user.id(), credentials.hash(Password.attempt("first password"))));
        StoredPassword first = readTx(() -> credentials.load(user.id()));

        assertThat(tx(() ->
                        credentials.replace(user.id(), first, credentials.hash(Password.attempt("first password")))))
                .isTrue();
        String replaced = storedHash(user.id());
        assertThat(matches(user.id(), Password.attempt("first password"))).isTrue();

        assertThat(tx(() -> credentials.replace(user.id(), first, credentials.hash(Password.attempt("stale")))))
                .as("the hash it was loaded with is gone")
                .isFalse();
        assertThat(storedHash(user.id())).isEqualTo(replaced);
        assertThat(tx(() -> credentials.replace(
                        user.id(), credentials.load(null), credentials.hash(Password.attempt("x")))))
                .as("no stored hash, nothing to replace")
                .isFalse();
        assertThat(storedHash(user.id())).isEqualTo(replaced);
    }

    /**
     * The race a rehash at log-in must lose: the password is changed (the row updated, not yet committed) after the
     * log-in loaded the old hash; the replace waits for the row, then finds it changed and writes nothing.
     */
    @Test
    void replaceNeverUndoesAPasswordChangeCommittedMeanwhile() throws Exception {
        User user = tx(() -> users.add(IdentityFixtures.bareUser("racer")));
        txRun(() -> credentials.store(user.id(), credentials.hash(Password.attempt("old password"))));
        StoredPassword loaded = readTx(() -> credentials.load(user.id()));
        String changed = Argon2UserCredentials.phc(credentials.hash(Password.attempt("new password")));
        var rehash = credentials.hash(Password.attempt("old password"));

        try (Connection change = TestPostgres.connect(url)) {
            change.setAutoCommit(false);
            try (PreparedStatement update =
                    change.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                update.setString(1, changed);
                update.setObject(2, user.id().value());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> replaced =
                        thread.submit(() -> tx(() -> credentials.replace(user.id(), loaded, rehash)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!waitingForALock() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(replaced).as("the replace waits for the changed row").isNotDone();
                change.commit();
                assertThat(replaced.get(10, TimeUnit.SECONDS)).isFalse();
            } finally {
                thread.shutdownNow();
            }
        }
        assertThat(storedHash(user.id())).isEqualTo(changed);
        assertThat(matches(user.id(), Password.attempt("new password"))).isTrue();
        assertThat(matches(user.id(), Password.attempt("old password"))).isFalse();
    }

    private boolean waitingForALock() throws SQLException {
        try (Connection connection = TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
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

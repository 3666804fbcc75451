package io.strata.bootstrap.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.StoredPassword;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records, for every password check, whether the checking thread held a pooled connection meanwhile (it must
 * not: see the identity use cases), and runs what a test asks for during the next check, as a concurrent request
 * would. Active with {@link ConnectionProbe} in test classes that set {@value ConnectionProbe#ENABLED}.
 */
@Singleton
@Requires(property = ConnectionProbe.ENABLED, value = "true")
public class PasswordCheckProbe implements BeanCreatedEventListener<UserCredentials> {
    private final Provider<ConnectionProbe> connections;
    private final List<Boolean> checksHoldingAConnection = new CopyOnWriteArrayList<>();
    private final List<Boolean> hashesHoldingAConnection = new CopyOnWriteArrayList<>();
    private volatile Runnable duringNextCheck;

    public PasswordCheckProbe(Provider<ConnectionProbe> connections) {
        this.connections = connections;
    }

    @Override
    public UserCredentials onCreated(BeanCreatedEvent<UserCredentials> event) {
        UserCredentials credentials = event.getBean();
        return new UserCredentials() {
            @Override
            public void store(UserId userId, HashedPassword password) {
                credentials.store(userId, password);
            }

            @Override
            public boolean replace(UserId userId, StoredPassword current, HashedPassword fresh) {
                // the adapter compares what it loaded, not this probe's wrapper of it
                return credentials.replace(userId, current instanceof Probed probed ? probed.stored : current, fresh);
            }

            @Override
            public StoredPassword load(UserId userId) {
                return new Probed(credentials.load(userId));
            }

            @Override
            public HashedPassword hash(Password password) {
                hashesHoldingAConnection.add(connections.get().callerHoldsAConnection());
                return credentials.hash(password);
            }
        };
    }

    /** For each check since the last call, whether its thread held a connection; then starts over. */
    public List<Boolean> checksHoldingAConnection() {
        List<Boolean> seen = List.copyOf(checksHoldingAConnection);
        checksHoldingAConnection.clear();
        return seen;
    }

    /** For each hash made since the last call, whether its thread held a connection; then starts over. */
    public List<Boolean> hashesHoldingAConnection() {
        List<Boolean> seen = List.copyOf(hashesHoldingAConnection);
        hashesHoldingAConnection.clear();
        return seen;
    }

    /** Runs {@code action} while the next password check runs (another client's request, in effect). */
    public void duringNextCheck(Runnable action) {
        duringNextCheck = action;
    }

    /** Equal when the stored passwords are, as the use cases compare them. */
    private final class Probed implements StoredPassword {
        private final StoredPassword stored;

        Probed(StoredPassword stored) {
            this.stored = stored;
        }

        @Override
        public boolean matches(Password attempt) {
            checksHoldingAConnection.add(connections.get().callerHoldsAConnection());
            Runnable action = duringNextCheck;
            duringNextCheck = null;
            if (action != null) {
                action.run();
            }
            return stored.matches(attempt);
        }

        @Override
        public boolean wantsRehash() {
            return stored.wantsRehash();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Probed probed && stored.equals(probed.stored);
        }

        @Override
        public int hashCode() {
            return stored.hashCode();
        }
    }
}

package io.strata.application.identity;

import io.strata.application.shared.Transactions;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class SessionQueryService implements SessionQueries {
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;

    public SessionQueryService(SessionRepository sessions, Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Session> mySessions(Actor actor) {
        return transactions.readOnly(() -> sessions.findActiveByUser(actor.userId(), clock.now()));
    }
}

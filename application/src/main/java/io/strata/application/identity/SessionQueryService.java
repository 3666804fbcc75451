package io.strata.application.identity;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
@ReadOnlyTransaction
public class SessionQueryService implements SessionQueries {
    private final SessionRepository sessions;
    private final Clock clock;

    public SessionQueryService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public List<Session> mySessions(Actor actor) {
        return sessions.findActiveByUser(actor.userId(), clock.now());
    }
}

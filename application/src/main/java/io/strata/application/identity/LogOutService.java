package io.strata.application.identity;

import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class LogOutService implements LogOutUseCase {
    private final SessionRepository sessions;
    private final Clock clock;

    public LogOutService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void logOut(Command command) {
        Session session = sessions.findById(command.currentSession())
                .filter(s -> command.actor().is(s.userId()))
                .orElseThrow(() -> new NotFoundException("Session", command.currentSession()));
        session.revoke(clock);
        sessions.save(session);
    }
}

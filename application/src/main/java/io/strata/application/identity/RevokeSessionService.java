package io.strata.application.identity;

import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RevokeSessionService implements RevokeSessionUseCase {
    private final SessionRepository sessions;
    private final Clock clock;

    public RevokeSessionService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Own sessions only, unless ADMIN; anyone else's session is "not found". */
    @Override
    @Transactional
    public void revoke(Command command) {
        Session session = sessions.findById(command.sessionId())
                .filter(s -> command.actor().is(s.userId()) || command.actor().isAdmin())
                .orElseThrow(() -> new NotFoundException("Session", command.sessionId()));
        session.revoke(clock);
        sessions.save(session);
    }
}

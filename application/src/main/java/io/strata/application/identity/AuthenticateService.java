package io.strata.application.identity;

import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class AuthenticateService implements AuthenticateUseCase {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final SessionRepository sessions;
    private final IdentityPolicy policy;
    private final Clock clock;

    public AuthenticateService(SessionRepository sessions, IdentityPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<Authenticated> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Optional<SessionPrincipal> found = sessions.findPrincipal(SessionTokens.hash(bearerToken))
                .filter(p -> p.session().isActive(now) && p.status() == UserStatus.ACTIVE);
        found.ifPresent(p -> {
            if (p.session().needsTouch(now, policy.lastSeenGranularity())) {
                sessions.markSeen(p.session().id(), now);
            }
        });
        return found.map(p -> new Authenticated(
                new Actor(p.session().userId(), p.role()), p.session().id()));
    }
}

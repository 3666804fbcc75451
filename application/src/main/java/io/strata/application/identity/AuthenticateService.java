package io.strata.application.identity;

import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionPrincipalCache;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates without a transaction of its own on most requests: the principal comes from the
 * {@link SessionPrincipalCache} (dropped on every instance when the session or its user changes), and only a miss or
 * a due lastSeenAt touch costs a transaction ({@link SessionPrincipalLookup}). Expiry and status are checked on every
 * call against the clock, cached or not.
 */
@Singleton
public class AuthenticateService implements AuthenticateUseCase {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final SessionPrincipalCache cache;
    private final SessionPrincipalLookup lookup;
    private final IdentityPolicy policy;
    private final Clock clock;

    public AuthenticateService(
            SessionPrincipalCache cache, SessionPrincipalLookup lookup, IdentityPolicy policy, Clock clock) {
        this.cache = cache;
        this.lookup = lookup;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<Authenticated> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String tokenHash = SessionTokens.hash(bearerToken);
        Instant now = clock.now();
        Optional<SessionPrincipal> found = cache.find(tokenHash)
                .or(() -> lookup.find(tokenHash))
                .filter(p -> p.session().isActive(now) && p.status() == UserStatus.ACTIVE);
        found.ifPresent(p -> {
            if (p.session().needsTouch(now, policy.lastSeenGranularity())) {
                lookup.markSeen(p.session().id(), now);
                cache.seen(tokenHash, p, now);
            }
        });
        return found.map(AuthenticateService::authenticated);
    }

    @Override
    public Optional<Authenticated> authenticateInMemory(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.now();
        return cache.find(SessionTokens.hash(bearerToken))
                .filter(p -> p.session().isActive(now)
                        && p.status() == UserStatus.ACTIVE
                        && !p.session().needsTouch(now, policy.lastSeenGranularity()))
                .map(AuthenticateService::authenticated);
    }

    private static Authenticated authenticated(SessionPrincipal principal) {
        return new Authenticated(
                new Actor(principal.session().userId(), principal.role()),
                principal.session().id());
    }
}

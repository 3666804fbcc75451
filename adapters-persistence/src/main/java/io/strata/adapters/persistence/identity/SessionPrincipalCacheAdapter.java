package io.strata.adapters.persistence.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.strata.adapters.persistence.shared.cache.PlatformCaches;
import io.strata.adapters.persistence.shared.cache.VersionedCache;
import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionPrincipalCache;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link SessionPrincipalCache} on the platform cache {@code identity.principal}, keyed by token hash. The entry's
 * version is the session's version plus its user's: the triggers of V7 announce every change of a session (its
 * version, revocation, expiry, deletion) and of a user's role or status with that sum, at commit, to every instance.
 * Revocations are also dropped on this instance at once ({@link #revoked}), before the announcement comes back, so
 * a token logged out here is refused here by the very next request.
 */
@Singleton
public class SessionPrincipalCacheAdapter implements SessionPrincipalCache {
    static final String NAME = "identity.principal";
    /** Larger than any version a session can reach: a revoked session is never taken back into the cache. */
    private static final long FINAL = Long.MAX_VALUE;

    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private final VersionedCache<String, SessionPrincipal> cache;
    /** This instance's cached token hashes per user, to drop them at once when the user's role or status changes. */
    private final Cache<UUID, Set<String>> tokensOfUser;

    public SessionPrincipalCacheAdapter(PlatformCaches caches) {
        // entries live at most a minute from their load (a last-seen touch updates a copy without extending that)
        this.cache = caches.create(NAME, 100_000, LIFETIME);
        this.tokensOfUser = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(LIFETIME.multipliedBy(2)) // every new token of the user touches it
                .build();
    }

    @Override
    public Optional<SessionPrincipal> find(String tokenHash) {
        return cache.peek(tokenHash);
    }

    @Override
    public void seen(String tokenHash, SessionPrincipal read, Instant at) {
        cache.replace(tokenHash, read, read.seenAt(at));
    }

    /** Reads through the cache: {@code loader} returns the principal and its version (session's + user's). */
    Optional<SessionPrincipal> load(String tokenHash, Supplier<VersionedCache.Loaded<SessionPrincipal>> loader) {
        return cache.get(tokenHash, () -> {
            VersionedCache.Loaded<SessionPrincipal> loaded = loader.get();
            loaded.value()
                    .ifPresent(p -> tokensOfUser
                            .asMap()
                            .computeIfAbsent(p.session().userId().value(), id -> ConcurrentHashMap.newKeySet())
                            .add(tokenHash));
            return loaded;
        });
    }

    /**
     * In the transaction that changes a user's role or status (or deletes the user): this instance drops the user's
     * cached sessions now, so its next request is decided on the new role; the trigger tells every instance at commit.
     */
    void userChanged(UUID userId) {
        Set<String> tokens = tokensOfUser.getIfPresent(userId);
        if (tokens != null) {
            tokens.forEach(this::revoked);
        }
    }

    /**
     * In the revoking transaction: this instance drops the entry now (the trigger tells every instance at commit) and
     * takes no fill of it for the pending period (authentication reads the database meanwhile).
     */
    void revoked(String tokenHash) {
        cache.invalidateLocally(tokenHash, FINAL);
    }
}

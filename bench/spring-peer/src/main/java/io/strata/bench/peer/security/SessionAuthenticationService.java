package io.strata.bench.peer.security;

import io.strata.bench.peer.domain.UserStatus;
import io.strata.bench.peer.repository.SessionRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a bearer token to its user: the SHA-256 (hex) of the token is looked up in {@code sessions}; the session
 * must be neither revoked nor expired and its user active. {@code last_seen_at} moves at most once a minute.
 */
@Service
public class SessionAuthenticationService {

    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    private final SessionRepository sessionRepository;

    public SessionAuthenticationService(SessionRepository sessionRepository) {
        this.sessionRepository = sessionRepository;
    }

    @Transactional
    public Optional<CurrentUser> authenticate(String token) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return sessionRepository.findOneWithUserByTokenHash(sha256Hex(token))
                .filter(session -> session.isActive(now) && session.getUser().getStatus() == UserStatus.ACTIVE)
                .map(session -> {
                    if (session.isSeenBefore(now, LAST_SEEN_GRANULARITY)) {
                        sessionRepository.markSeen(session.getId(), now, now.minus(LAST_SEEN_GRANULARITY));
                    }
                    return new CurrentUser(session.getUser().getId(), session.getUser().getRole());
                });
    }

    static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}

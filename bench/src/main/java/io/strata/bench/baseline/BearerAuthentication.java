package io.strata.bench.baseline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import jakarta.inject.Named;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Bearer authentication of everything under {@code /api/v1}, as Strata's BearerAuthenticationFilter and
 * AuthenticateService: the SHA-256 (hex) of the token is looked up in an in-process cache (Caffeine, as Strata's);
 * on a miss with Strata's session query in its own transaction (as SYSTEM), and {@code last_seen_at} is moved at
 * most once a minute, after which the entry is reloaded. Strata also drops entries when a session or user changes
 * (LISTEN/NOTIFY); the benchmark changes neither while it runs, so the baseline leaves that out. The caller is stored as the
 * request attribute {@link #CALLER}. Like Strata's, the filter decides a cached session on the event loop and hands
 * the rest to the blocking executor.
 */
@ServerFilter("/api/v1/**")
public final class BearerAuthentication implements Ordered {
    static final String CALLER = "baseline.caller";

    /** RFC 6750 b64token. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9\\-._~+/]+=*$");
    private static final int MAX_TOKEN_LENGTH = 256;
    /** Strata's strata.identity.last-seen-granularity default. */
    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    private static final String FIND_SESSION = "select sje1_0.id,sje1_0.created_at,sje1_0.device_info,sje1_0.expires_at,"
            + "host(sje1_0.ip_address),sje1_0.last_seen_at,sje1_0.revoked_at,sje1_0.token_hash,sje1_0.updated_at,"
            + "sje1_0.user_agent,sje1_0.user_id,sje1_0.version,uje1_0.role,uje1_0.status from sessions sje1_0 "
            + "join users uje1_0 on uje1_0.id=sje1_0.user_id where sje1_0.token_hash=?";
    private static final String MARK_SEEN = "update sessions sje1_0 set last_seen_at=? where sje1_0.id=? "
            + "and (sje1_0.last_seen_at is null or sje1_0.last_seen_at<?)";

    /** The authenticated user. */
    record Caller(UUID userId, String role) {
        boolean isAdmin() {
            return role.equals("ADMIN");
        }

        boolean canReadOthers() {
            return isAdmin() || role.equals("MANAGER");
        }
    }

    /** What the cache keeps of a session: enough to decide without the database. */
    private record Session(Caller caller, UUID id, Instant expiresAt, Instant lastSeenAt) {}

    private final Jdbc jdbc;
    private final Cache<String, Session> sessions =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    private final ExecutorService blocking;

    BearerAuthentication(Jdbc jdbc, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.jdbc = jdbc;
        this.blocking = blocking;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    public @Nullable CompletableFuture<@Nullable HttpRequest<?>> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw ApiProblem.unauthenticated("authentication required: send Authorization: Bearer <token> "
                    + "(get one from POST /api/v1/sessions)", false);
        }
        String tokenHash = sha256Hex(bearerToken(header));
        Session cached = sessions.getIfPresent(tokenHash);
        Instant now = Jdbc.now();
        if (cached != null && now.isBefore(cached.expiresAt()) && !dueTouch(cached, now)) {
            request.setAttribute(CALLER, cached.caller());
            return null;
        }
        CompletableFuture<@Nullable HttpRequest<?>> decided = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                request.setAttribute(CALLER, find(tokenHash).orElseThrow(() ->
                        ApiProblem.unauthenticated("the bearer token is invalid, expired or revoked", true)));
                decided.complete(request);
            } catch (Throwable failure) {
                decided.completeExceptionally(failure);
            }
        });
        return decided;
    }

    private static boolean dueTouch(Session session, Instant now) {
        return session.lastSeenAt() == null
                || Duration.between(session.lastSeenAt(), now).compareTo(LAST_SEEN_GRANULARITY) >= 0;
    }

    private Optional<Caller> find(String tokenHash) {
        Instant now = Jdbc.now();
        Session session = sessions.getIfPresent(tokenHash);
        if (session == null) {
            session = load(tokenHash).orElse(null);
            if (session == null) {
                return Optional.empty();
            }
            sessions.put(tokenHash, session);
        }
        if (!now.isBefore(session.expiresAt())) {
            return Optional.empty();
        }
        if (dueTouch(session, now)) {
            UUID id = session.id();
            jdbc.transaction("SYSTEM", "", connection -> {
                try (PreparedStatement update = connection.prepareStatement(MARK_SEEN)) {
                    update.setObject(1, Jdbc.timestamp(now));
                    update.setObject(2, id);
                    update.setObject(3, Jdbc.timestamp(now));
                    return update.executeUpdate();
                }
            });
            sessions.invalidate(tokenHash);
        }
        return Optional.of(session.caller());
    }

    /** An active session of an active user, read as SYSTEM. */
    private Optional<Session> load(String tokenHash) {
        return jdbc.transaction("SYSTEM", "", connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND_SESSION)) {
                select.setString(1, tokenHash);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()
                            || Jdbc.instant(rs, "revoked_at") != null
                            || !rs.getString("status").equals("ACTIVE")) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(
                            new Caller(Jdbc.uuid(rs, "user_id"), rs.getString("role")),
                            Jdbc.uuid(rs, "id"),
                            Jdbc.instant(rs, "expires_at"),
                            Jdbc.instant(rs, "last_seen_at")));
                }
            }
        });
    }

    private static String bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space > 0 && value.substring(0, space).equalsIgnoreCase("Bearer")) {
            String token = value.substring(space + 1).strip();
            if (!token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH && TOKEN.matcher(token).matches()) {
                return token;
            }
        }
        throw ApiProblem.unauthenticated("malformed Authorization header: expected 'Bearer <token>'", true);
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}

package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A login. The bearer token itself is never stored: only its SHA-256 ({@code tokenHash}).
 */
public final class Session extends AggregateRoot {
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

    private final SessionId id;
    private final UserId userId;
    private final String tokenHash;
    private final Map<String, Object> deviceInfo;
    private final String ipAddress;
    private final String userAgent;
    private final Instant expiresAt;
    private Instant lastSeenAt;
    private Instant revokedAt;
    private final long version;
    private final Instant createdAt;
    private Instant updatedAt;

    private Session(SessionId id, UserId userId, String tokenHash, Map<String, Object> deviceInfo, String ipAddress,
                    String userAgent, Instant expiresAt, Instant lastSeenAt, Instant revokedAt, long version,
                    Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.deviceInfo = Preferences.freeze(deviceInfo);
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
        this.expiresAt = expiresAt;
        this.lastSeenAt = lastSeenAt;
        this.revokedAt = revokedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static Session start(UserId userId, String tokenHash, Map<String, Object> deviceInfo, String ipAddress,
                                String userAgent, Duration ttl, Clock clock) {
        Objects.requireNonNull(userId, "userId");
        if (tokenHash == null || !tokenHash.matches("^[0-9a-f]{64}$")) {
            throw new IllegalArgumentException("tokenHash must be a hex SHA-256");
        }
        Instant now = clock.now();
        return new Session(SessionId.newId(), userId, tokenHash, Preferences.check("deviceInfo", deviceInfo),
                checkIp(ipAddress), Text.optional("userAgent", userAgent, 512), now.plus(ttl), now, null, 0, now, now);
    }

    public static Session reconstitute(SessionId id, UserId userId, String tokenHash, Map<String, Object> deviceInfo,
                                       String ipAddress, String userAgent, Instant expiresAt, Instant lastSeenAt,
                                       Instant revokedAt, long version, Instant createdAt, Instant updatedAt) {
        return new Session(id, userId, tokenHash, deviceInfo, ipAddress, userAgent, expiresAt, lastSeenAt, revokedAt,
                version, createdAt, updatedAt);
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Idempotent: revoking a revoked session keeps the first revocation time. */
    public void revoke(Clock clock) {
        if (revokedAt == null) {
            revokedAt = clock.now();
            updatedAt = revokedAt;
        }
    }

    /** True when lastSeenAt is older than {@code granularity}, so the caller should record a new sighting. */
    public boolean needsTouch(Instant now, Duration granularity) {
        return lastSeenAt == null || Duration.between(lastSeenAt, now).compareTo(granularity) >= 0;
    }

    private static String checkIp(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String v = ip.strip();
        boolean v4 = IPV4.matcher(v).matches()
                && java.util.Arrays.stream(v.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
        boolean v6 = v.contains(":") && IPV6.matcher(v).matches() && isIpv6Literal(v);
        if (!v4 && !v6) {
            throw new ValidationException("ipAddress", "is not an IP address");
        }
        return v;
    }

    /** Parses the literal (a text with ':' and only hex digits, ':' and '.' is never looked up in DNS). */
    private static boolean isIpv6Literal(String text) {
        try {
            java.net.InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public SessionId id() { return id; }
    public UserId userId() { return userId; }
    public String tokenHash() { return tokenHash; }
    public Map<String, Object> deviceInfo() { return deviceInfo; }
    public String ipAddress() { return ipAddress; }
    public String userAgent() { return userAgent; }
    public Instant expiresAt() { return expiresAt; }
    public Instant lastSeenAt() { return lastSeenAt; }
    public Instant revokedAt() { return revokedAt; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}

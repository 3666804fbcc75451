package io.strata.adapters.persistence.identity;

import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test data for the identity context; {@link #activeUser} also serves other contexts' tests. */
public final class IdentityFixtures {
    static final Instant T0 = Instant.parse("2026-01-15T10:20:30.123456Z");

    private IdentityFixtures() {}

    /** Deletes the user as the use case does (run inside a transaction): loaded, its deletion recorded, deleted. */
    static void delete(UserRepository users, UserId id) {
        users.findById(id).ifPresent(user -> {
            user.delete(() -> T0);
            users.delete(user);
        });
    }

    /** Nested objects, lists, numbers, booleans and a JSON null. */
    static Map<String, Object> richPreferences() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("email", true);
        nested.put("digest", null);
        nested.put("hours", List.of(8, 12, 18));
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("theme", "dark");
        prefs.put("fontSize", 14);
        prefs.put("ratio", 1.5);
        prefs.put("notifications", nested);
        prefs.put("nothing", null);
        prefs.put("languages", List.of("en", "de"));
        return prefs;
    }

    /** Every field set, including the nullable ones. */
    static User fullUser() {
        return fullUser("ada.l", 3);
    }

    static User fullUser(String username, long version) {
        return User.reconstitute(
                UserId.newId(),
                new Email(username + "@example.com"),
                new Username(username),
                "Ada",
                "Lovelace",
                Role.MANAGER,
                UserStatus.ACTIVE,
                new EmailVerification(true, T0.plusSeconds(60)),
                T0.plusSeconds(120),
                new LoginHistory(T0.plusSeconds(3600), 7),
                Tags.of(Set.of("math", "poetry", "engines")),
                richPreferences(),
                new AuditStamp(version, T0, T0.plusSeconds(7200)));
    }

    /** An active USER with nothing optional set, created (and last updated) at {@code created}. */
    public static User activeUser(String email, String username, Instant created) {
        return User.reconstitute(
                UserId.newId(),
                new Email(email),
                new Username(username),
                null,
                null,
                Role.USER,
                UserStatus.ACTIVE,
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                Tags.none(),
                Map.of(),
                new AuditStamp(0, created, created));
    }

    /** A minimal user: nullable fields null, no tags, empty preferences. */
    static User bareUser(String name) {
        return User.reconstitute(
                UserId.newId(),
                new Email(name + "@example.com"),
                new Username(name),
                null,
                null,
                Role.USER,
                UserStatus.INACTIVE,
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                Tags.none(),
                Map.of(),
                new AuditStamp(0, T0, T0));
    }

    static User user(
            String name,
            Role role,
            UserStatus status,
            Set<String> tags,
            Instant createdAt,
            Instant lastLoginAt,
            String firstName,
            String lastName) {
        return User.reconstitute(
                UserId.newId(),
                new Email(name + "@example.com"),
                new Username(name),
                firstName,
                lastName,
                role,
                status,
                EmailVerification.NOT_VERIFIED,
                createdAt,
                new LoginHistory(lastLoginAt, lastLoginAt == null ? 0 : 1),
                Tags.of(tags),
                Map.of(),
                new AuditStamp(0, createdAt, createdAt));
    }

    static UserProfile profile(UserId userId) {
        return UserProfile.reconstitute(
                UUID.randomUUID(),
                userId,
                "Writes notes.",
                "https://example.com/a.png",
                richPreferences(),
                new AuditStamp(0, T0, T0.plusSeconds(5)));
    }

    static Session session(UserId userId, Instant createdAt, Instant expiresAt) {
        return Session.reconstitute(
                SessionId.newId(),
                userId,
                randomHash(),
                new ClientInfo(
                        "203.0.113.7",
                        "Mozilla/5.0",
                        Map.of("os", "linux", "browser", Map.of("name", "firefox", "version", 128))),
                expiresAt,
                createdAt,
                null,
                new AuditStamp(0, createdAt, createdAt));
    }

    static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + String.format("%03d", i));
        }
        return names;
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package io.strata.domain.identity;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A person who can log in. Holds no password hash: credentials are a persistence concern reached
 * through {@link UserCredentials}.
 */
public final class User extends io.strata.domain.shared.model.AggregateRoot {
    public static final int NAME_MAX = 100;

    private final UserId id;
    private Email email;
    private Username username;
    private String firstName;
    private String lastName;
    private Role role;
    private UserStatus status;
    private EmailVerification emailVerification;
    private Instant passwordChangedAt;
    private final LoginHistory logins;
    private Tags tags;
    private Map<String, Object> preferences;
    private AuditStamp stamp;

    private User(
            UserId id,
            Email email,
            Username username,
            String firstName,
            String lastName,
            Role role,
            UserStatus status,
            EmailVerification emailVerification,
            Instant passwordChangedAt,
            LoginHistory logins,
            Tags tags,
            Map<String, Object> preferences,
            AuditStamp stamp) {
        this.id = id;
        this.email = email;
        this.username = username;
        this.firstName = firstName;
        this.lastName = lastName;
        this.role = role;
        this.status = status;
        this.emailVerification = emailVerification == null ? EmailVerification.NOT_VERIFIED : emailVerification;
        this.passwordChangedAt = passwordChangedAt;
        this.logins = logins == null ? LoginHistory.NONE : logins;
        this.tags = tags == null ? Tags.none() : tags;
        this.preferences = Preferences.freeze(preferences);
        this.stamp = stamp;
    }

    /** A new, active, unverified user. The password is stored separately by the caller. */
    public static User create(
            Email email,
            Username username,
            String firstName,
            String lastName,
            Role role,
            Tags tags,
            Map<String, Object> preferences,
            Clock clock) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Instant now = clock.now();
        User user = new User(
                UserId.newId(),
                email,
                username,
                Text.optional("firstName", firstName, NAME_MAX),
                Text.optional("lastName", lastName, NAME_MAX),
                role == null ? Role.USER : role,
                UserStatus.ACTIVE,
                EmailVerification.NOT_VERIFIED,
                now,
                LoginHistory.NONE,
                tags,
                Preferences.check("preferences", preferences),
                AuditStamp.createdAt(now));
        user.record(new UserRegistered(user.id, email, username, user.role, now));
        return user;
    }

    /** Loads a stored user: no validation, no events. */
    public static User reconstitute(
            UserId id,
            Email email,
            Username username,
            String firstName,
            String lastName,
            Role role,
            UserStatus status,
            EmailVerification emailVerification,
            Instant passwordChangedAt,
            LoginHistory logins,
            Tags tags,
            Map<String, Object> preferences,
            AuditStamp stamp) {
        return new User(
                id,
                email,
                username,
                firstName,
                lastName,
                role,
                status,
                emailVerification,
                passwordChangedAt,
                logins,
                tags,
                preferences,
                stamp);
    }

    public void rename(String firstName, String lastName, Clock clock) {
        this.firstName = Text.optional("firstName", firstName, NAME_MAX);
        this.lastName = Text.optional("lastName", lastName, NAME_MAX);
        touch(clock);
    }

    public void retag(Tags tags, Clock clock) {
        this.tags = Objects.requireNonNull(tags, "tags");
        touch(clock);
    }

    public void changePreferences(Map<String, Object> preferences, Clock clock) {
        this.preferences = Preferences.check("preferences", preferences);
        touch(clock);
    }

    public void changeRole(Role role, Clock clock) {
        Role from = this.role;
        this.role = ValidationException.requireValue("role", role);
        Instant now = touch(clock);
        if (from != role) {
            record(new UserRoleChanged(id, from, role, now));
        }
    }

    public void activate(Clock clock) {
        moveTo(UserStatus.ACTIVE, clock);
    }

    public void deactivate(Clock clock) {
        moveTo(UserStatus.INACTIVE, clock);
    }

    public void changeStatus(UserStatus status, Clock clock) {
        if (ValidationException.requireValue("status", status) == UserStatus.ACTIVE) {
            activate(clock);
        } else {
            deactivate(clock);
        }
    }

    public void verifyEmail(Clock clock) {
        if (emailVerification.verified()) {
            throw new ConflictException("e-mail of user " + id + " is already verified");
        }
        Instant now = touch(clock);
        this.emailVerification = EmailVerification.at(now);
        record(new UserEmailVerified(id, email, now));
    }

    public void passwordChanged(Clock clock) {
        Instant now = touch(clock);
        this.passwordChangedAt = now;
        record(new UserPasswordChanged(id, now));
    }

    /** Records that this user is deleted; the repository's {@code delete} then removes it with its events. */
    public void delete(Clock clock) {
        record(new UserDeleted(id, clock.now()));
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    /** "First Last", whichever parts exist; falls back to the username. */
    public String fullName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return full.isEmpty() ? username.value() : full;
    }

    private void moveTo(UserStatus next, Clock clock) {
        UserStatus from = status;
        this.status = next;
        Instant now = touch(clock);
        if (from != next) {
            record(new UserStatusChanged(id, from, next, now));
        }
    }

    /** Moves updatedAt to now and returns it (the time of the events recorded with this change). */
    private Instant touch(Clock clock) {
        Instant now = clock.now();
        this.stamp = stamp.touchedAt(now);
        return now;
    }

    public UserId id() {
        return id;
    }

    public Email email() {
        return email;
    }

    public Username username() {
        return username;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public Role role() {
        return role;
    }

    public UserStatus status() {
        return status;
    }

    public EmailVerification emailVerification() {
        return emailVerification;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public LoginHistory logins() {
        return logins;
    }

    public Tags tags() {
        return tags;
    }

    public Map<String, Object> preferences() {
        return preferences;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    // shortcuts into the value objects above
    public boolean emailVerified() {
        return emailVerification.verified();
    }

    public Instant emailVerifiedAt() {
        return emailVerification.verifiedAt();
    }

    public Instant lastLoginAt() {
        return logins.lastLoginAt();
    }

    public long loginCount() {
        return logins.loginCount();
    }

    public long version() {
        return stamp.version();
    }

    public Instant createdAt() {
        return stamp.createdAt();
    }

    public Instant updatedAt() {
        return stamp.updatedAt();
    }
}

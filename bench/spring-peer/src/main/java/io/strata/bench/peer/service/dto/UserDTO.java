package io.strata.bench.peer.service.dto;

import io.strata.bench.peer.domain.Role;
import io.strata.bench.peer.domain.User;
import io.strata.bench.peer.domain.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** A user as clients see it: everything but the password hash. */
public record UserDTO(UUID id, String email, String username, String firstName, String lastName, String fullName,
                      Role role, UserStatus status, boolean emailVerified, Instant emailVerifiedAt,
                      Instant passwordChangedAt, Instant lastLoginAt, long loginCount, SortedSet<String> tags,
                      Map<String, Object> preferences, long version, Instant createdAt, Instant updatedAt) {

    public static UserDTO from(User user) {
        String fullName = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new UserDTO(user.getId(), user.getEmail(), user.getUsername(), user.getFirstName(), user.getLastName(),
                fullName.isEmpty() ? user.getUsername() : fullName, user.getRole(), user.getStatus(),
                user.isEmailVerified(), user.getEmailVerifiedAt(), user.getPasswordChangedAt(), user.getLastLoginAt(),
                user.getLoginCount(), new TreeSet<>(user.getTags()), user.getPreferences(), user.getVersion(),
                user.getCreatedAt(), user.getUpdatedAt());
    }
}

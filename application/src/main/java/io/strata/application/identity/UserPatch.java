package io.strata.application.identity;

import io.strata.application.shared.Change;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.user.Role;
import java.util.Map;
import java.util.Set;

/**
 * The changes of a user merge patch. {@code preferences} is itself a merge patch
 * applied onto the stored preferences. {@code role} and {@code status} need ADMIN.
 */
public record UserPatch(
        Change<String> firstName,
        Change<String> lastName,
        Change<Set<String>> tags,
        Change<Map<String, Object>> preferences,
        Change<Role> role,
        Change<UserStatus> status) {}

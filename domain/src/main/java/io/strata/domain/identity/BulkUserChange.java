package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.Tags;

/** One change applied to many users: any of status, role, tags to add, tags to remove. */
public record BulkUserChange(UserStatus status, Role role, Tags addTags, Tags removeTags) {
    public BulkUserChange {
        addTags = addTags == null ? Tags.none() : addTags;
        removeTags = removeTags == null ? Tags.none() : removeTags;
        if (status == null && role == null && addTags.values().isEmpty() && removeTags.values().isEmpty()) {
            throw new ValidationException("change", "name at least one of status, role, addTags, removeTags");
        }
    }
}

package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One change applied to many users: any of status, role, tags to add, tags to remove. */
public record BulkUserChange(UserStatus status, Role role, Tags addTags, Tags removeTags) {
    public BulkUserChange {
        addTags = addTags == null ? Tags.none() : addTags;
        removeTags = removeTags == null ? Tags.none() : removeTags;
        if (status == null
                && role == null
                && addTags.values().isEmpty()
                && removeTags.values().isEmpty()) {
            throw new ValidationException("change", "name at least one of status, role, addTags, removeTags");
        }
    }

    /**
     * The events of this change for one user that was {@code statusBefore} and {@code roleBefore}: a status and a
     * role change when they moved; retagging records none (as for one user).
     */
    public List<DomainEvent> eventsFor(UserId user, UserStatus statusBefore, Role roleBefore, Instant at) {
        List<DomainEvent> events = new ArrayList<>(2);
        if (status != null && status != statusBefore) {
            events.add(new UserStatusChanged(user, statusBefore, status, at));
        }
        if (role != null && role != roleBefore) {
            events.add(new UserRoleChanged(user, roleBefore, role, at));
        }
        return events;
    }
}

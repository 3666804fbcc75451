package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;

/** A project was created; {@code members} are its first members, the owner first. */
public record ProjectCreated(ProjectId projectId, String name, UserId ownerId, List<UserId> members, Instant occurredAt)
        implements DomainEvent {
    public ProjectCreated {
        members = List.copyOf(members);
    }
}

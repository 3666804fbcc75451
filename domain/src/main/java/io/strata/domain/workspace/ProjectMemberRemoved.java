package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** A member left a project (removed by a manager). A deleted user leaves every project with {@code UserDeleted}. */
public record ProjectMemberRemoved(ProjectId projectId, UserId userId, Instant occurredAt) implements DomainEvent {}

package io.strata.domain.workspace;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

public record ProjectMemberAdded(ProjectId projectId, UserId userId, Instant occurredAt) implements DomainEvent {}

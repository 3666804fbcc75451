package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import java.math.BigDecimal;

/** Adds worked hours to a task (any non-GUEST member); safe under concurrent logs. */
@UseCase
public interface LogTaskHoursUseCase {
    Task logHours(Command command);

    record Command(Actor actor, TaskId taskId, BigDecimal hours) {}
}

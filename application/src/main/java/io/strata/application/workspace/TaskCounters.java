package io.strata.application.workspace;

import io.strata.domain.shared.model.Clock;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;

/** Recounts a locked project's tasks in the database and records the counters on the project. */
final class TaskCounters {
    private TaskCounters() {}

    static Project refresh(ProjectRepository projects, Project lockedProject, Clock clock) {
        lockedProject.recordTaskTally(projects.tallyTasks(lockedProject.id()), clock);
        return projects.save(lockedProject);
    }
}

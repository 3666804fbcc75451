package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sample projects with members and tasks, for development and load tests: an operator command (ADMIN
 * only; the CLI acts as {@code Actor.system()}), never exposed over HTTP.
 *
 * <p>{@link #start} prepares a run: the people who own, join and work on the projects (the given users,
 * or else up to {@value #MAX_PEOPLE} existing active ones), and creation times spread over the past
 * {@value #SPREAD_DAYS} days. {@link #seed} then stores projects {@code from .. from + count - 1} of the
 * run with their tasks in one transaction, each project's {@code taskCount} and {@code completion} counted
 * from the tasks stored with it.
 */
@UseCase
public interface SeedProjectsUseCase {
    long MAX_PROJECTS = 10_000_000L;
    int MAX_TASKS_PER_PROJECT = 1_000;
    /** Rows (projects and tasks) one batch may hold; a single project is always allowed. */
    int MAX_BATCH_ROWS = 50_000;

    int MAX_PEOPLE = 1_000;
    int SPREAD_DAYS = 30;

    /** Checks the sizes and finds the people. Writes nothing. */
    Run start(Start command);

    /** Stores one batch of projects with their tasks in one transaction. */
    Batch seed(Command command);

    /** {@code people}: users to take part (at most {@value #MAX_PEOPLE} are used); empty for existing ones. */
    record Start(Actor actor, long projects, int tasksPerProject, List<UserId> people) {}

    /** What every batch shares: project {@code n} is created at {@code firstCreatedAt + n * spacing}. */
    record Run(
            String token,
            long projects,
            int tasksPerProject,
            List<UserId> people,
            Instant firstCreatedAt,
            Duration spacing,
            Instant end) {
        public Run {
            people = List.copyOf(people);
        }
    }

    record Command(Actor actor, Run run, long from, int count) {}

    record Batch(int projects, int tasks) {}
}

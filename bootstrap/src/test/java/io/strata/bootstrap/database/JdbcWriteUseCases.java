package io.strata.bootstrap.database;

import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectRepository;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write use cases of {@link JdbcWriteTransactionTest}: each renames a project through the workspace's repository (its
 * plain path: the locked read, the versioned update, the event) and counts how often its body ran.
 */
@Singleton
public class JdbcWriteUseCases {
    final AtomicInteger runs = new AtomicInteger();
    private final ProjectRepository projects;
    private final EntityManager entityManager;

    JdbcWriteUseCases(ProjectRepository projects, EntityManager entityManager) {
        this.projects = projects;
        this.entityManager = entityManager;
    }

    /** Plain statements only. */
    @Transactional
    @Rerunnable
    public Project rename(ProjectId id, String name) {
        runs.incrementAndGet();
        return renamed(id, name);
    }

    /** Renames, then needs the session (a native query). */
    @Transactional
    @Rerunnable
    public long renameThenCountWithSession(ProjectId id, String name) {
        runs.incrementAndGet();
        renamed(id, name);
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM projects")
                        .getSingleResult())
                .longValue();
    }

    /** Renames, then fails with an unchecked exception. */
    @Transactional
    @Rerunnable
    public Project renameThenFail(ProjectId id, String name) {
        runs.incrementAndGet();
        renamed(id, name);
        throw new IllegalStateException("the use case failed after its write");
    }

    /** Renames, then fails with a checked exception: Micronaut's rule commits what was done. */
    @Transactional
    @Rerunnable
    public Project renameThenFailChecked(ProjectId id, String name) throws IOException {
        runs.incrementAndGet();
        renamed(id, name);
        throw new IOException("a checked failure after the write");
    }

    /** Renames, then fails with an unchecked exception its transaction declares it commits on (as a log-in's 401). */
    @Transactional(dontRollbackOn = IllegalStateException.class)
    @Rerunnable
    public Project renameThenFailCommitting(ProjectId id, String name) {
        runs.incrementAndGet();
        renamed(id, name);
        throw new IllegalStateException("a failure the transaction commits on");
    }

    /** A step that fails inside the adapter, caught by the use case, which carries on and renames. */
    @Transactional
    @Rerunnable
    public Project renameAfterAFailedStep(ProjectId id, String name) {
        runs.incrementAndGet();
        try {
            projects.lockById(null);
        } catch (RuntimeException swallowed) {
            // a caller that carries on after a failed step must not end its transaction as a success
        }
        return renamed(id, name);
    }

    /** The same as {@link #rename}, not declared rerunnable. */
    @Transactional
    public Project renameUndeclared(ProjectId id, String name) {
        runs.incrementAndGet();
        return renamed(id, name);
    }

    /**
     * Renames {@code first}, then {@code second}, holding the first one's lock; in between, each caller's first run
     * meets the other ({@link Meeting}): two callers with the projects the other way round then deadlock.
     */
    @Transactional
    @Rerunnable
    public void renameBoth(ProjectId first, ProjectId second, String name, Meeting meeting) {
        runs.incrementAndGet();
        renamed(first, name);
        meeting.onFirstRun();
        renamed(second, name);
    }

    /** The same as {@link #renameBoth} in a Hibernate session: it asks the session something first. */
    @Transactional
    @Rerunnable
    public void renameBothInASession(ProjectId first, ProjectId second, String name, Meeting meeting) {
        runs.incrementAndGet();
        entityManager.createNativeQuery("SELECT 1").getSingleResult();
        renamed(first, name);
        meeting.onFirstRun();
        renamed(second, name);
    }

    /** The same as {@link #renameBoth}, not declared rerunnable. */
    @Transactional
    public void renameBothUndeclared(ProjectId first, ProjectId second, String name, Meeting meeting) {
        runs.incrementAndGet();
        renamed(first, name);
        meeting.onFirstRun();
        renamed(second, name);
    }

    /** Where concurrent callers wait for each other, each on its first run only. */
    public static final class Meeting {
        private final CyclicBarrier barrier;
        private final Set<Thread> met = ConcurrentHashMap.newKeySet();

        public Meeting(int callers) {
            this.barrier = new CyclicBarrier(callers);
        }

        void onFirstRun() {
            if (met.add(Thread.currentThread())) {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other caller did not come", e);
                }
            }
        }
    }

    /** A setting of the transaction, read plainly. */
    @Transactional
    @Rerunnable
    public String setting(String name) {
        runs.incrementAndGet();
        return PlainReads.statements(entityManager)
                .query(
                        "SELECT current_setting(?, true)",
                        statement -> statement.setString(1, name),
                        rows -> rows.next() ? rows.getString(1) : null);
    }

    private Project renamed(ProjectId id, String name) {
        Project project = projects.lockById(id).orElseThrow();
        project.rename(name, Clock.system());
        return projects.save(project);
    }
}

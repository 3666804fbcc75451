package io.strata.domain.workspace;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: projects with their members. Storing a project appends the events it recorded to the outbox, in the
 * caller's transaction.
 */
@OutboundPort
public interface ProjectRepository {
    Optional<Project> findById(ProjectId id);

    /**
     * Loads the project and locks its row until the transaction ends ({@code SELECT ... FOR UPDATE}).
     * Every use case that changes a project's tasks takes this lock first, so task changes of one
     * project are serialized and the tally each adjusts is exact.
     */
    Optional<Project> lockById(ProjectId id);

    Project add(Project project);

    /** Stores many new projects with their members in JDBC batches, with no read per project. */
    void addAll(List<Project> projects);

    /** Stores changes at the loaded version; a concurrent commit first is a {@code StaleVersionException}. */
    Project save(Project project);

    /**
     * Projects visible to {@code visibleTo} (projects it is a member of), or every project when
     * {@code visibleTo} is null (ADMIN). A page costs a constant number of statements.
     */
    Page<Project> search(SearchCriteria criteria, PageRequest page, UserId visibleTo);

    /** How many projects {@code owner} owns; one statement. */
    long countOwnedBy(UserId owner);

    /** Counts by status, hours estimated and worked, overdue tasks: one aggregate query. */
    ProjectProgress progress(ProjectId id, LocalDate today);
}

package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.AggregateTable;
import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.ChildRows;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.adapters.persistence.shared.SearchContext;
import io.strata.adapters.persistence.shared.SearchParameters;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.DependencyGraph;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskSearch;
import io.strata.domain.workspace.TaskStatus;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * {@link TaskRepository} on PostgreSQL. Every method runs in the caller's transaction (the use case's
 * {@code @Transactional} or {@code @ReadOnlyTransaction}); none opens one ({@link JoinsTransaction}).
 */
@Singleton
@JoinsTransaction
public class TaskPersistenceAdapter implements TaskRepository {
    private static final String DEPENDENCIES_OF_PAGE = """
            SELECT task_id, depends_on_id FROM task_dependencies
            WHERE task_id = ANY (cast(:ids AS uuid[]))
            ORDER BY task_id, depends_on_id""";

    private static final String GRAPH = """
            SELECT task_id, depends_on_id FROM task_dependencies
            WHERE project_id = :projectId""";

    private static final List<TaskStatus> OPEN =
            Arrays.stream(TaskStatus.values()).filter(TaskStatus::isOpen).toList();
    private static final List<TaskStatus> RESOLVED =
            Arrays.stream(TaskStatus.values()).filter(s -> !s.isOpen()).toList();

    /** The day the list is for: {@code overdue} compares with it. */
    static final SearchContext.Key<LocalDate> TODAY = SearchContext.key("today", LocalDate.class);

    /** The task and its dependencies in one statement. */
    private static final String WITH_DEPENDENCIES = """
            SELECT t.id, t.project_id, t.title, t.description, t.status, t.priority, t.assignee_id,
                   t.estimated_hours, t.actual_hours, t.due_date, t.tags, t.completed_at, t.version,
                   t.created_at, t.updated_at, d.depends_on_id
            FROM tasks t LEFT JOIN task_dependencies d ON d.task_id = t.id
            WHERE t.id = ?
            ORDER BY d.depends_on_id""";

    /** The row of {@code tasks} for the plain writes of {@link AggregateWrites}; its dependencies stay Hibernate's. */
    static final AggregateTable<TaskJpaEntity> TABLE = AggregateTable.of(TaskJpaEntity.class, "tasks")
            .decimal("actual_hours", TaskJpaEntity::getActualHours)
            .uuid("assignee_id", TaskJpaEntity::getAssigneeId)
            .instant("completed_at", TaskJpaEntity::getCompletedAt)
            .instant("created_at", TaskJpaEntity::getCreatedAt)
            .text("description", TaskJpaEntity::getDescription)
            .date("due_date", TaskJpaEntity::getDueDate)
            .decimal("estimated_hours", TaskJpaEntity::getEstimatedHours)
            .name("priority", TaskJpaEntity::getPriority)
            .uuid("project_id", TaskJpaEntity::getProjectId)
            .name("status", TaskJpaEntity::getStatus)
            .textArray("tags", TaskJpaEntity::getTags)
            .text("title", TaskJpaEntity::getTitle)
            .instant("updated_at", TaskJpaEntity::getUpdatedAt)
            .insertOnly("created_at", "project_id")
            .children("dependencies", TaskJpaEntity::getDependencies)
            .build();

    static final CriteriaSearch<TaskJpaEntity> SEARCH = CriteriaSearch.builder(TaskJpaEntity.class, TaskSearch.SCHEMA)
            .nullable("dueDate")
            .boundFilter("overdue", TaskPersistenceAdapter::overdue)
            // search_text = lower(title || ' ' || description), trigram-indexed
            .textContains("searchText")
            .readApart("dependencies") // a page reads the dependencies of all its tasks at once (search)
            .build();

    private final EntityManager entityManager;
    private final TaskJpaRepository repository;
    private final TaskJpaMapper mapper;

    TaskPersistenceAdapter(EntityManager entityManager, TaskJpaRepository repository, TaskJpaMapper mapper) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.mapper = mapper;
    }

    /**
     * The task with its dependencies: one statement, without a managed entity ({@link PlainReads}). A transaction
     * that may save the task keeps the row it read for the save ({@link AggregateWrites#readForChange}).
     */
    @Override
    public Optional<Task> findById(TaskId id) {
        PlainReads.ReadOnly readOnly = PlainReads.readOnly(entityManager);
        if (readOnly != null) {
            return readOnly.byId(WITH_DEPENDENCIES, id.value(), TaskPersistenceAdapter::task)
                    .map(mapper::toDomain);
        }
        return AggregateWrites.readForChange(
                        entityManager,
                        TABLE,
                        statements -> statements.byId(WITH_DEPENDENCIES, id.value(), TaskPersistenceAdapter::task))
                .map(mapper::toDomain);
    }

    /** The rows of {@link #WITH_DEPENDENCIES}: the task's columns on each, one dependency per row (none: one row). */
    private static Optional<TaskJpaEntity> task(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        TaskJpaEntity row = new TaskJpaEntity();
        row.setId(rows.getObject(1, UUID.class));
        row.setProjectId(rows.getObject(2, UUID.class));
        row.setTitle(rows.getString(3));
        row.setDescription(rows.getString(4));
        row.setStatus(PlainReads.enumValue(rows, 5, TaskStatus.class));
        row.setPriority(PlainReads.enumValue(rows, 6, Priority.class));
        row.setAssigneeId(rows.getObject(7, UUID.class));
        row.setEstimatedHours(rows.getBigDecimal(8));
        row.setActualHours(rows.getBigDecimal(9));
        row.setDueDate(PlainReads.date(rows, 10));
        row.setTags(PlainReads.strings(rows, 11));
        row.setCompletedAt(PlainReads.instant(rows, 12));
        row.setVersion(rows.getLong(13));
        row.setCreatedAt(PlainReads.instant(rows, 14));
        row.setUpdatedAt(PlainReads.instant(rows, 15));
        for (UUID dependsOn : PlainReads.childIds(rows, 16)) {
            row.getDependencies().add(new TaskDependencyJpaEmbeddable(dependsOn, row.getProjectId()));
        }
        return Optional.of(row);
    }

    @Override
    public Optional<ProjectId> findProjectId(TaskId id) {
        return repository.findProjectId(id.value()).map(ProjectId::new);
    }

    /** One statement; the tasks come back in the order of {@code ids}. */
    @Override
    public List<Task> findAllById(Collection<TaskId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> keys = ids.stream().map(TaskId::value).distinct().toList();
        Map<UUID, TaskJpaEntity> byId = new HashMap<>();
        repository.findAllWithDependencies(keys).forEach(entity -> byId.put(entity.getId(), entity));
        List<Task> found = new ArrayList<>(byId.size());
        for (UUID key : keys) {
            TaskJpaEntity entity = byId.get(key);
            if (entity != null) {
                found.add(mapper.toDomain(entity));
            }
        }
        return found;
    }

    /**
     * One task: its row's {@code INSERT} on the plain path ({@link AggregateWrites#insertRow}; with dependencies,
     * Hibernate's). Many: the bulk path ({@link AggregateWrites#insertAll}), the inserts into {@code tasks}, then those
     * into {@code task_dependencies}, as JDBC batches, no read per task. Then the tasks' events.
     */
    @Override
    public List<Task> addAll(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        if (tasks.size() == 1) {
            Task task = tasks.get(0);
            AggregateWrites.insertRow(entityManager, task, TABLE, mapper.toEntity(task), e -> translate(e, task));
            return List.of(task);
        }
        AggregateWrites.insertAll(
                entityManager, tasks, mapper::toEntity, e -> translate(e, tasks.size() == 1 ? tasks.get(0) : null));
        return List.copyOf(tasks);
    }

    /**
     * Copies the task onto its row loaded in this transaction: one {@code UPDATE ... WHERE id = ? AND version = ?} on
     * the plain path ({@link AggregateWrites#saveChanges(EntityManager, io.strata.domain.shared.model.AggregateRoot,
     * AggregateTable, UUID, long, String, Object, java.util.function.Consumer, java.util.function.Function)}), or,
     * when its dependencies changed, Hibernate's flush of the row and the dependency rows that changed (a changed
     * dependency alone also moves the version). Returns the task at its new version.
     */
    @Override
    public Task save(Task task) {
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                task,
                TABLE,
                task.id().value(),
                task.version(),
                "Task",
                task.id(),
                entity -> mapper.copyChanges(task, entity),
                e -> translate(e, task)));
    }

    /** One index scan of {@code task_dependencies} by project. */
    @Override
    @SuppressWarnings("unchecked")
    public DependencyGraph dependencyGraph(ProjectId projectId) {
        List<Object[]> rows = entityManager
                .createNativeQuery(GRAPH, Object[].class)
                .setParameter("projectId", projectId.value())
                .getResultList();
        Map<TaskId, Set<TaskId>> edges = new HashMap<>();
        for (Object[] row : rows) {
            edges.computeIfAbsent(new TaskId((UUID) row[0]), k -> new LinkedHashSet<>())
                    .add(new TaskId((UUID) row[1]));
        }
        return new DependencyGraph(edges);
    }

    @Override
    public List<TaskId> doneDependents(TaskId id) {
        return repository.findDependents(id.value(), TaskStatus.DONE).stream()
                .map(TaskId::new)
                .toList();
    }

    @Override
    public long countOpenAssigned(ProjectId projectId, UserId assigneeId) {
        return repository.countByProjectIdAndAssigneeIdAndStatusIn(projectId.value(), assigneeId.value(), OPEN);
    }

    @Override
    public Page<Task> searchInProject(ProjectId projectId, SearchCriteria criteria, PageRequest page, LocalDate today) {
        return search(CriteriaSearch.Scope.equal("projectId", projectId.value()), criteria, page, today);
    }

    @Override
    public Page<Task> searchAssignedTo(UserId assigneeId, SearchCriteria criteria, PageRequest page, LocalDate today) {
        return search(CriteriaSearch.Scope.equal("assigneeId", assigneeId.value()), criteria, page, today);
    }

    /**
     * The tasks within {@code scope} (what the caller may see) for the day {@code today}: one statement
     * for the page and one for the dependencies of all its tasks, whatever the page size.
     */
    private Page<Task> search(
            CriteriaSearch.Scope<TaskJpaEntity> scope, SearchCriteria criteria, PageRequest page, LocalDate today) {
        Page<TaskJpaEntity> rows = SEARCH.search(entityManager, criteria, page, scope, SearchContext.of(TODAY, today));
        Map<UUID, List<UUID>> dependencies =
                ChildRows.ofPage(entityManager, DEPENDENCIES_OF_PAGE, rows, TaskJpaEntity::getId);
        return rows.map(entity -> mapper.toDomain(entity, dependencies.getOrDefault(entity.getId(), List.of())));
    }

    /**
     * {@code overdue=is.true} (or {@code eq.true}): due before the call's {@link #TODAY} and still open, as
     * {@code Task.isOverdue}; {@code false} is the exact complement (no due date, due today or later, or resolved).
     * The day and the statuses are bound as parameters, so the calls of each choice share one translated statement.
     */
    private static Predicate overdue(CriteriaSearch.Where<TaskJpaEntity> where, Filter filter) {
        boolean wanted;
        Object value = filter.value();
        if (value instanceof Boolean b) {
            wanted = b;
        } else if (value == Filter.IsValue.TRUE || value == Filter.IsValue.FALSE) {
            wanted = value == Filter.IsValue.TRUE;
        } else {
            throw new ValidationException("overdue", "takes true or false");
        }
        HibernateCriteriaBuilder cb = where.cb();
        SearchParameters parameters = where.parameters();
        Path<LocalDate> due = where.root().get("dueDate");
        Path<TaskStatus> status = where.root().get("status");
        Expression<LocalDate> today = parameters.bind(due, where.context().get(TODAY));
        return wanted
                ? cb.and(cb.lessThan(due, today), status.in(statuses(parameters, status, OPEN)))
                : cb.or(
                        cb.isNull(due),
                        cb.greaterThanOrEqualTo(due, today),
                        status.in(statuses(parameters, status, RESOLVED)));
    }

    private static Expression<?>[] statuses(
            SearchParameters parameters, Path<TaskStatus> status, List<TaskStatus> values) {
        Expression<?>[] bound = new Expression<?>[values.size()];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = parameters.bind(status, values.get(i));
        }
        return bound;
    }

    /** Maps a violated constraint to the message a client can act on ({@code task} is null for a batch). */
    private static RuntimeException translate(PersistenceException error, Task task) {
        if (PersistenceErrors.isNumericOverflow(error)) {
            return new ValidationException("hours", "a task holds at most 999999.99 hours");
        }
        String which = task == null ? "a task" : "task " + task.id();
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "tasks_pk" -> new ConflictException(which + " already exists");
                    case "tasks_project_fk" ->
                        task == null
                                ? new ValidationException("projectId", "no such project")
                                : new NotFoundException("Project", task.projectId());
                    case "tasks_assignee_member_fk" ->
                        new ValidationException(
                                "assigneeId",
                                task == null || task.assigneeId() == null
                                        ? "the assignee of " + which + " is not a member of its project"
                                        : "user " + task.assigneeId() + " is not a member of project "
                                                + task.projectId());
                    case "task_dependencies_task_fk", "task_dependencies_depends_on_fk" ->
                        new ValidationException("dependsOn", which + " may only depend on tasks of its own project");
                    case "task_dependencies_not_self_ck" ->
                        new ValidationException("dependsOn", which + " cannot depend on itself");
                    case "task_dependencies_pk" -> new ConflictException(which + " already has this dependency");
                    default -> PersistenceErrors.checkViolation(error, "tasks", constraint);
                })
                .orElse(error);
    }
}

package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.AggregateTable;
import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.ChildRows;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.ProjectSearch;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.TaskStatus;
import io.strata.domain.workspace.TaskTally;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ProjectRepository} on PostgreSQL. Every method runs in the caller's transaction (the use case's
 * {@code @Transactional} or {@code @ReadOnlyTransaction}); none opens one ({@link JoinsTransaction}).
 */
@Singleton
@JoinsTransaction
public class ProjectPersistenceAdapter implements ProjectRepository {
    static final CriteriaSearch<ProjectJpaEntity> SEARCH = CriteriaSearch.builder(
                    ProjectJpaEntity.class, ProjectSearch.SCHEMA)
            .nullable("startDate", "dueDate")
            .boundFilter(
                    "memberId",
                    (where, filter) -> hasMember(where, where.parameters().bind(UUID.class, (UUID) filter.value())))
            // search_text = lower(name || ' ' || description), trigram-indexed
            .textContains("searchText")
            .readApart("members") // a page reads the members of all its projects at once (search)
            .build();

    /** The row of {@code projects} for the plain writes of {@link AggregateWrites}; its members stay Hibernate's. */
    static final AggregateTable<ProjectJpaEntity> TABLE = AggregateTable.of(ProjectJpaEntity.class, "projects")
            .decimal("budget_amount", ProjectJpaEntity::getBudgetAmount)
            .fixedText("budget_currency", ProjectJpaEntity::getBudgetCurrency)
            .int8("cancelled_task_count", ProjectJpaEntity::getCancelledTaskCount)
            .int4("completion", ProjectJpaEntity::getCompletion)
            .instant("created_at", ProjectJpaEntity::getCreatedAt)
            .text("description", ProjectJpaEntity::getDescription)
            .int8("done_task_count", ProjectJpaEntity::getDoneTaskCount)
            .date("due_date", ProjectJpaEntity::getDueDate)
            .text("name", ProjectJpaEntity::getName)
            .uuid("owner_id", ProjectJpaEntity::getOwnerId)
            .name("priority", ProjectJpaEntity::getPriority)
            .date("start_date", ProjectJpaEntity::getStartDate)
            .name("status", ProjectJpaEntity::getStatus)
            .textArray("tags", ProjectJpaEntity::getTags)
            .int8("task_count", ProjectJpaEntity::getTaskCount)
            .instant("updated_at", ProjectJpaEntity::getUpdatedAt)
            .insertOnly("created_at", "owner_id")
            .children("members", ProjectJpaEntity::getMembers)
            .build();

    private static final String MEMBERS_OF_PAGE = """
            SELECT project_id, user_id FROM project_members
            WHERE project_id = ANY (cast(:ids AS uuid[]))
            ORDER BY project_id, user_id""";

    /** The columns of a project's row that {@link #row} reads, in its order. */
    private static final String COLUMNS = """
            p.id, p.name, p.description, p.status, p.priority, p.owner_id, p.start_date, p.due_date,
            p.budget_amount, p.budget_currency, p.tags, p.task_count, p.completion, p.version,
            p.created_at, p.updated_at, p.done_task_count, p.cancelled_task_count""";

    /** The project and its members in one statement. */
    private static final String WITH_MEMBERS = "SELECT " + COLUMNS + """
            , m.user_id
            FROM projects p LEFT JOIN project_members m ON m.project_id = p.id
            WHERE p.id = ?
            ORDER BY m.user_id""";

    /**
     * The project's row, locked, with its members: {@code FOR NO KEY UPDATE} blocks every other lock of the project,
     * not the foreign-key checks of inserted tasks. After a wait for the lock, PostgreSQL returns the row the previous
     * holder committed, but the members (another table) as the statement's snapshot saw them, from before the wait.
     * So the statement also says whether the locked row is the one its snapshot saw (the same {@code xmin}); when it
     * is not, the members are read again by {@link #MEMBERS}, a statement of its own and so a newer snapshot. Every
     * change of the members saves the project, so a row that did not change means members that did not either.
     */
    private static final String LOCK = "SELECT " + COLUMNS + """
            ,
            p.xmin = (SELECT s.xmin FROM projects s WHERE s.id = p.id),
            array(SELECT m.user_id FROM project_members m WHERE m.project_id = p.id ORDER BY m.user_id)
            FROM projects p
            WHERE p.id = ?
            FOR NO KEY UPDATE OF p""";

    private static final String MEMBERS = "SELECT user_id FROM project_members WHERE project_id = ? ORDER BY user_id";

    /** One row per status present: count, hours estimated and worked, overdue (due before today and open). */
    private static final String PROGRESS = """
            SELECT status,
                   count(*),
                   coalesce(sum(estimated_hours), 0),
                   coalesce(sum(actual_hours), 0),
                   count(*) FILTER (WHERE due_date < :today AND status = ANY (cast(:open AS text[])))
            FROM tasks
            WHERE project_id = :id
            GROUP BY status""";

    private static final String[] OPEN_STATUSES = Arrays.stream(TaskStatus.values())
            .filter(TaskStatus::isOpen)
            .map(Enum::name)
            .toArray(String[]::new);

    private final EntityManager entityManager;
    private final ProjectJpaRepository repository;
    private final ProjectJpaMapper mapper;

    ProjectPersistenceAdapter(EntityManager entityManager, ProjectJpaRepository repository, ProjectJpaMapper mapper) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.mapper = mapper;
    }

    /**
     * The project with its members: one statement, without a managed entity ({@link PlainReads}). A transaction
     * that may save the project keeps the row it read for the save ({@link AggregateWrites#readForChange}).
     */
    @Override
    public Optional<Project> findById(ProjectId id) {
        PlainReads.ReadOnly readOnly = PlainReads.readOnly(entityManager);
        if (readOnly != null) {
            return readOnly.byId(WITH_MEMBERS, id.value(), ProjectPersistenceAdapter::withMembers)
                    .map(mapper::toDomain);
        }
        return AggregateWrites.readForChange(
                        entityManager,
                        TABLE,
                        statements -> statements.byId(WITH_MEMBERS, id.value(), ProjectPersistenceAdapter::withMembers))
                .map(mapper::toDomain);
    }

    /** The rows of {@link #WITH_MEMBERS}: the project's columns on each, one member per row (none: one row). */
    private static Optional<ProjectJpaEntity> withMembers(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        ProjectJpaEntity row = row(rows);
        row.getMembers().addAll(PlainReads.childIds(rows, 19));
        return Optional.of(row);
    }

    /** The project's columns of the current row ({@link #COLUMNS}). */
    private static ProjectJpaEntity row(ResultSet rows) throws SQLException {
        ProjectJpaEntity row = new ProjectJpaEntity();
        row.setId(rows.getObject(1, UUID.class));
        row.setName(rows.getString(2));
        row.setDescription(rows.getString(3));
        row.setStatus(PlainReads.enumValue(rows, 4, ProjectStatus.class));
        row.setPriority(PlainReads.enumValue(rows, 5, Priority.class));
        row.setOwnerId(rows.getObject(6, UUID.class));
        row.setStartDate(PlainReads.date(rows, 7));
        row.setDueDate(PlainReads.date(rows, 8));
        row.setBudgetAmount(rows.getBigDecimal(9));
        row.setBudgetCurrency(rows.getString(10));
        row.setTags(PlainReads.strings(rows, 11));
        row.setTaskCount(rows.getLong(12));
        row.setCompletion(rows.getInt(13));
        row.setVersion(rows.getLong(14));
        row.setCreatedAt(PlainReads.instant(rows, 15));
        row.setUpdatedAt(PlainReads.instant(rows, 16));
        row.setDoneTaskCount(rows.getLong(17));
        row.setCancelledTaskCount(rows.getLong(18));
        return row;
    }

    /**
     * {@link #LOCK}: one statement, or two when the project changed while this transaction waited for its lock (the
     * members read again); the row kept for the save ({@link AggregateWrites#readForChange}). The project is the one
     * the previous holder committed.
     */
    @Override
    public Optional<Project> lockById(ProjectId id) {
        return AggregateWrites.readForChange(
                        entityManager,
                        TABLE,
                        statements -> statements
                                .byId(LOCK, id.value(), ProjectPersistenceAdapter::locked)
                                .map(locked -> locked.withMembers(
                                        locked.rowAsTheSnapshotSawIt() ? locked.members() : members(statements, id))))
                .map(mapper::toDomain);
    }

    /** What {@link #LOCK} read: the row, whether it is the one the statement's snapshot saw, and its members then. */
    private record Locked(ProjectJpaEntity row, boolean rowAsTheSnapshotSawIt, List<UUID> members) {
        ProjectJpaEntity withMembers(List<UUID> current) {
            row.getMembers().addAll(current);
            return row;
        }
    }

    private static Optional<Locked> locked(ResultSet rows) throws SQLException {
        return rows.next()
                ? Optional.of(new Locked(row(rows), rows.getBoolean(19), PlainReads.uuids(rows, 20)))
                : Optional.empty();
    }

    /** The members as last committed: a statement of its own, so a snapshot taken after the lock was granted. */
    private static List<UUID> members(PlainReads.Statements statements, ProjectId id) {
        return statements.byId(MEMBERS, id.value(), rows -> rows.next() ? PlainReads.childIds(rows, 1) : List.of());
    }

    /** Inserts the project and its members at once (flush), so a broken rule is reported here. */
    @Override
    public Project add(Project project) {
        AggregateWrites.insert(entityManager, project, mapper.toEntity(project), e -> translate(e, project));
        return project;
    }

    /**
     * The bulk path ({@link AggregateWrites#insertAll}): projects, then their members, in JDBC batches, no read per
     * project; then their events.
     */
    @Override
    public void addAll(List<Project> projects) {
        AggregateWrites.insertAll(
                entityManager,
                projects,
                mapper::toEntity,
                e -> translate(e, projects.size() == 1 ? projects.get(0) : null));
    }

    /**
     * Copies the project onto its row loaded in this transaction: one {@code UPDATE ... WHERE id = ? AND version = ?}
     * on the plain path of {@link AggregateWrites} ({@link #TABLE}), or, when its members changed, Hibernate's flush
     * of the row and the member rows that changed. A version that moved on is a {@link StaleVersionException}.
     * Returns the project at its new version.
     */
    @Override
    public Project save(Project project) {
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                project,
                TABLE,
                project.id().value(),
                project.version(),
                "Project",
                project.id(),
                entity -> mapper.copyChanges(project, entity),
                e -> translate(e, project)));
    }

    /**
     * One statement for the page (visibility is a scope: {@code EXISTS} a {@code project_members} row of
     * the user) and one for the members of all its projects, whatever the page size.
     */
    @Override
    public Page<Project> search(SearchCriteria criteria, PageRequest page, UserId visibleTo) {
        CriteriaSearch.Scope<ProjectJpaEntity> visible = visibleTo == null
                ? null
                : CriteriaSearch.Scope.of(UUID.class, visibleTo.value(), ProjectPersistenceAdapter::hasMember);
        Page<ProjectJpaEntity> rows = SEARCH.search(entityManager, criteria, page, visible);
        Map<UUID, List<UUID>> members = ChildRows.ofPage(entityManager, MEMBERS_OF_PAGE, rows, ProjectJpaEntity::getId);
        return rows.map(entity -> mapper.toDomain(entity, members.getOrDefault(entity.getId(), List.of())));
    }

    @Override
    public long countOwnedBy(UserId owner) {
        return repository.countByOwnerId(owner.value());
    }

    /** One aggregate statement; completion by the domain's formula ({@link TaskTally#completionPercent()}). */
    @Override
    @SuppressWarnings("unchecked")
    public ProjectProgress progress(ProjectId id, LocalDate today) {
        List<Object[]> rows = entityManager
                .createNativeQuery(PROGRESS, Object[].class)
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("today", today)
                .setParameter("open", OPEN_STATUSES, String[].class)
                .setParameter("id", id.value())
                .getResultList();
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            byStatus.put(status, 0L);
        }
        long total = 0;
        long overdue = 0;
        BigDecimal estimated = BigDecimal.ZERO.setScale(2);
        BigDecimal actual = BigDecimal.ZERO.setScale(2);
        for (Object[] row : rows) {
            long count = number(row[1]);
            byStatus.put(TaskStatus.valueOf((String) row[0]), count);
            total += count;
            estimated = estimated.add(decimal(row[2]));
            actual = actual.add(decimal(row[3]));
            overdue += number(row[4]);
        }
        int completion = new TaskTally(total, byStatus.get(TaskStatus.DONE), byStatus.get(TaskStatus.CANCELLED))
                .completionPercent();
        return new ProjectProgress(id, total, byStatus, estimated, actual, overdue, completion);
    }

    /**
     * The project has {@code user} among its members (the visibility scope, and {@code memberId=eq.<user>}):
     * {@code EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND m.user_id = ?)}, a
     * correlated semi-join served by the {@code project_members} primary key or {@code project_members_user_ix}.
     */
    private static Predicate hasMember(CriteriaSearch.Where<ProjectJpaEntity> where, Expression<UUID> user) {
        Subquery<Integer> membership = where.query().subquery(Integer.class);
        Root<ProjectJpaEntity> project = membership.correlate(where.root());
        Join<ProjectJpaEntity, UUID> member = project.join("members");
        membership.select(where.cb().literal(1)).where(where.cb().equal(member, user));
        return where.cb().exists(membership);
    }

    /** Maps a violated constraint to the message a client can act on ({@code project} is null for a batch). */
    private static RuntimeException translate(PersistenceException error, Project project) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "projects_pk" ->
                        new ConflictException(
                                (project == null ? "a project" : "project " + project.id()) + " already exists");
                    case "projects_owner_fk" ->
                        new ValidationException(
                                "ownerId",
                                project == null ? "unknown user as a project owner" : "no user " + project.ownerId());
                    case "project_members_user_fk" ->
                        new ValidationException("members", "unknown user among the members");
                    case "projects_schedule_ck" -> new ValidationException("dueDate", "must not be before startDate");
                    case "projects_budget_ck", "projects_budget_amount_ck", "projects_budget_currency_ck" ->
                        new ValidationException(
                                "budget", "needs an amount of 0 or more and an ISO-4217 currency, or neither");
                    default -> PersistenceErrors.checkViolation(error, "projects", constraint);
                })
                .orElse(error);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }
}

package io.strata.bench.baseline;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The projects and tasks statements, text for text the ones Hibernate generates for Strata (ProjectJpaEntity,
 * TaskJpaEntity, ProjectPersistenceAdapter), with their parameters in the same order.
 */
final class ProjectRows {
    /** Strata's read of a project, to show it or to change it (its adapter's plain read, no Hibernate query). */
    private static final String COLUMNS = """
            p.id, p.name, p.description, p.status, p.priority, p.owner_id, p.start_date, p.due_date,
            p.budget_amount, p.budget_currency, p.tags, p.task_count, p.completion, p.version,
            p.created_at, p.updated_at, p.done_task_count, p.cancelled_task_count""";
    private static final String READ_WITH_MEMBERS = "SELECT " + COLUMNS + """
            , m.user_id
            FROM projects p LEFT JOIN project_members m ON m.project_id = p.id
            WHERE p.id = ?
            ORDER BY m.user_id""";

    /**
     * Blocks every other lock of the project, not the foreign-key checks of inserted tasks; with the members, and
     * whether the locked row is the one the statement's snapshot saw (if not, the members are read again).
     */
    private static final String LOCK = "SELECT " + COLUMNS + """
            ,
            p.xmin = (SELECT s.xmin FROM projects s WHERE s.id = p.id),
            array(SELECT m.user_id FROM project_members m WHERE m.project_id = p.id ORDER BY m.user_id)
            FROM projects p
            WHERE p.id = ?
            FOR NO KEY UPDATE OF p""";
    private static final String MEMBERS = "SELECT user_id FROM project_members WHERE project_id = ? ORDER BY user_id";
    private static final String INSERT_TASK = "insert into tasks (actual_hours,assignee_id,completed_at,created_at,"
            + "description,due_date,estimated_hours,priority,project_id,status,tags,title,updated_at,version,id) "
            + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE = "update projects set budget_amount=?,budget_currency=?,"
            + "cancelled_task_count=?,completion=?,description=?,done_task_count=?,due_date=?,name=?,priority=?,"
            + "start_date=?,status=?,tags=?,task_count=?,updated_at=?,version=? where id=? and version=?";
    /** After a versioned update found no row: the version another transaction committed. */
    private static final String COMMITTED_VERSION = "SELECT version FROM projects WHERE id = ?";

    /** A row of {@code projects} with its members (user ids in order). */
    record ProjectRow(UUID id, String name, String description, String status, String priority, UUID ownerId,
                      List<UUID> members, LocalDate startDate, LocalDate dueDate, BigDecimal budgetAmount,
                      String budgetCurrency, String[] tags, long taskCount, long doneTaskCount,
                      long cancelledTaskCount, long version, Instant createdAt, Instant updatedAt) {

        boolean isMember(UUID userId) {
            return members.contains(userId);
        }

        /** Percent of DONE tasks among those not CANCELLED (0 when there are none), rounded down: Strata's TaskTally. */
        int completion() {
            long counted = taskCount - cancelledTaskCount;
            return counted == 0 ? 0 : (int) (doneTaskCount * 100 / counted);
        }

        ProjectRow withDetails(String newName, String newDescription, Instant at) {
            return new ProjectRow(id, newName, newDescription, status, priority, ownerId, members, startDate, dueDate,
                    budgetAmount, budgetCurrency, tags, taskCount, doneTaskCount, cancelledTaskCount, version,
                    createdAt, at);
        }

        /** One more TODO task: the tally moves, updatedAt does not (Strata's Project.countTaskAdded). */
        ProjectRow withTaskAdded() {
            return new ProjectRow(id, name, description, status, priority, ownerId, members, startDate, dueDate,
                    budgetAmount, budgetCurrency, tags, taskCount + 1, doneTaskCount, cancelledTaskCount, version,
                    createdAt, updatedAt);
        }

        Json.Project json() {
            return new Json.Project(id, name, description, status, priority, ownerId, members, startDate, dueDate,
                    budgetAmount == null ? null : new Json.Budget(budgetAmount, budgetCurrency),
                    new TreeSet<>(List.of(tags)), taskCount, completion(), version, createdAt, updatedAt);
        }
    }

    private ProjectRows() {
    }

    /** The project and its members in one statement (one row per member), as Strata reads them to show or change. */
    static Optional<ProjectRow> readWithMembers(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ_WITH_MEMBERS)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<UUID> members = new ArrayList<>();
                ProjectRow project = project(rs, members);
                do {
                    UUID member = Jdbc.uuid(rs, "user_id");
                    if (member != null) {
                        members.add(member);
                    }
                } while (rs.next());
                return Optional.of(project);
            }
        }
    }

    /**
     * {@code SELECT ... FOR NO KEY UPDATE} with the members: one statement, or two when the row changed while the
     * statement waited for its lock (the members read again), as Strata's lockById.
     */
    static Optional<ProjectRow> lock(Connection connection, UUID id) throws SQLException {
        List<UUID> members = new ArrayList<>();
        ProjectRow project;
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                project = project(rs, members);
                if (rs.getBoolean(19)) {
                    members.addAll(List.of((UUID[]) rs.getArray(20).getArray()));
                    return Optional.of(project);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(MEMBERS)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    members.add(Jdbc.uuid(rs, "user_id"));
                }
            }
        }
        return Optional.of(project);
    }

    /** Strata's outbox append (AggregateWrites, Outbox), one event of a new aggregate: one row of values. */
    private static final String APPEND_EVENT = """
            INSERT INTO events (event_id, aggregate_type, aggregate_id, sequence, event_type, payload, occurred_at)
            VALUES (?, ?, ?, 1, ?, cast(? AS jsonb), cast(? AS timestamptz))""";

    /** The {@code workspace.TaskCreated} Strata appends with a new task (sequence 1 of the task's stream). */
    static void appendTaskCreated(Connection connection, Json.Task task) throws SQLException {
        String payload = "{\"taskId\":\"" + task.id() + "\",\"projectId\":\"" + task.projectId() + "\",\"title\":"
                + jsonString(task.title()) + ",\"assigneeId\":"
                + (task.assigneeId() == null ? "null" : "\"" + task.assigneeId() + "\"") + "}";
        try (PreparedStatement insert = connection.prepareStatement(APPEND_EVENT)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "workspace.Task");
            insert.setObject(3, task.id());
            insert.setString(4, "workspace.TaskCreated");
            insert.setString(5, payload);
            insert.setString(6, task.createdAt().toString());
            insert.executeUpdate();
        }
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static void insertTask(Connection connection, Json.Task task) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TASK)) {
            insert.setBigDecimal(1, task.actualHours());
            insert.setObject(2, task.assigneeId(), Types.OTHER);
            insert.setObject(3, Jdbc.timestamp(task.completedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setObject(4, Jdbc.timestamp(task.createdAt()));
            insert.setString(5, task.description());
            insert.setObject(6, task.dueDate(), Types.DATE);
            insert.setBigDecimal(7, task.estimatedHours());
            insert.setString(8, task.priority());
            insert.setObject(9, task.projectId());
            insert.setString(10, task.status());
            insert.setArray(11, connection.createArrayOf("text", task.tags().toArray()));
            insert.setString(12, task.title());
            insert.setObject(13, Jdbc.timestamp(task.updatedAt()));
            insert.setLong(14, task.version());
            insert.setObject(15, task.id());
            insert.executeUpdate();
        }
    }

    /**
     * Writes every column of {@code changed} where the row is still at {@code expectedVersion} and returns
     * the project at its new version; a version that moved on is a 412 naming the committed one.
     */
    static ProjectRow update(Connection connection, ProjectRow changed, long expectedVersion) throws SQLException {
        long nextVersion = expectedVersion + 1;
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setBigDecimal(1, changed.budgetAmount());
            update.setObject(2, changed.budgetCurrency(), Types.CHAR);
            update.setLong(3, changed.cancelledTaskCount());
            update.setInt(4, changed.completion());
            update.setString(5, changed.description());
            update.setLong(6, changed.doneTaskCount());
            update.setObject(7, changed.dueDate(), Types.DATE);
            update.setString(8, changed.name());
            update.setString(9, changed.priority());
            update.setObject(10, changed.startDate(), Types.DATE);
            update.setString(11, changed.status());
            update.setArray(12, connection.createArrayOf("text", changed.tags()));
            update.setLong(13, changed.taskCount());
            update.setObject(14, Jdbc.timestamp(changed.updatedAt()));
            update.setLong(15, nextVersion);
            update.setObject(16, changed.id());
            update.setLong(17, expectedVersion);
            if (update.executeUpdate() == 0) {
                throw ApiProblem.staleVersion("Project", changed.id(), expectedVersion,
                        committedVersion(connection, changed.id()));
            }
        }
        return new ProjectRow(changed.id(), changed.name(), changed.description(), changed.status(),
                changed.priority(), changed.ownerId(), changed.members(), changed.startDate(), changed.dueDate(),
                changed.budgetAmount(), changed.budgetCurrency(), changed.tags(), changed.taskCount(),
                changed.doneTaskCount(), changed.cancelledTaskCount(), nextVersion, changed.createdAt(),
                changed.updatedAt());
    }

    private static long committedVersion(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COMMITTED_VERSION)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        }
    }

    /** The project columns of the current row; {@code members} is filled by the caller. */
    private static ProjectRow project(ResultSet rs, List<UUID> members) throws SQLException {
        return new ProjectRow(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
                rs.getString("status"), rs.getString("priority"), Jdbc.uuid(rs, "owner_id"), members,
                rs.getObject("start_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("budget_amount"), rs.getString("budget_currency"), Jdbc.strings(rs, "tags"),
                rs.getLong("task_count"), rs.getLong("done_task_count"), rs.getLong("cancelled_task_count"),
                rs.getLong("version"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}

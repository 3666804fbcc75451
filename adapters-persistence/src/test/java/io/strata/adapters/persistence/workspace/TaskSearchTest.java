package io.strata.adapters.persistence.workspace;

import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.T0;
import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.QueryTerms;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.query.TotalCount;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskSearch;
import io.strata.domain.workspace.TaskStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code searchInProject} over a project of 150 tasks (with dependencies) and {@code searchAssignedTo}
 * across three projects: keyset paging, every filter including {@code overdue} on a given day, statements.
 */
class TaskSearchTest extends PostgresTest {
    private static final int TASKS = 150;
    private ProjectRepository projects;
    private TaskRepository tasks;
    private UserId ann;
    private UserId bob;
    private Project big;
    private final List<Task> inBig = new ArrayList<>();
    private final List<Task> everywhere = new ArrayList<>();

    @BeforeAll
    void seed() {
        projects = bean(ProjectRepository.class);
        tasks = bean(TaskRepository.class);
        UserRepository users = bean(UserRepository.class);
        txRun(() -> {
            ann = users.add(WorkspaceFixtures.user("ann")).id();
            bob = users.add(WorkspaceFixtures.user("bob")).id();
        });
        big = project("big");
        Project second = project("second");
        Project third = project("third");
        txRun(() -> List.of(big, second, third).forEach(projects::add));

        for (int i = 0; i < TASKS; i++) {
            inBig.add(seedTask(big, i, inBig));
        }
        everywhere.addAll(inBig);
        List<Task> inSecond = new ArrayList<>();
        List<Task> inThird = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Task> same = i % 2 == 0 ? inSecond : inThird;
            same.add(seedTask(i % 2 == 0 ? second : third, i, same));
        }
        everywhere.addAll(inSecond);
        everywhere.addAll(inThird);
        txRun(() -> tasks.addAll(everywhere));
    }

    private Project project(String name) {
        return WorkspaceFixtures.project(
                name, ann, Set.of(bob), ProjectStatus.ACTIVE, Priority.MEDIUM, null, null, Set.of(), T0);
    }

    /**
     * Groups of 4 share createdAt; ann has every third task, bob every fifth other one; each task depends
     * on the one before it in its project, and every even one also on the one before that.
     */
    private Task seedTask(Project project, int i, List<Task> earlier) {
        TaskStatus status = TaskStatus.values()[i % 5];
        UserId assignee = i % 3 == 0 ? ann : i % 5 == 0 ? bob : null;
        LocalDate due = i % 4 == 0 ? null : TODAY.plusDays(i % 9 - 4);
        Set<String> tags = new HashSet<>();
        if (i % 2 == 0) {
            tags.add("even");
        }
        if (i % 3 == 0) {
            tags.add("three");
        }
        Set<TaskId> dependsOn = new LinkedHashSet<>();
        if (earlier.size() >= 1) {
            dependsOn.add(earlier.get(earlier.size() - 1).id());
        }
        if (earlier.size() >= 2 && i % 2 == 0) {
            dependsOn.add(earlier.get(earlier.size() - 2).id());
        }
        String title = (i % 10 == 0 ? "Write " : "Test ") + String.format("%03d", i);
        return WorkspaceFixtures.task(
                project.id(),
                title,
                status,
                assignee,
                due,
                tags,
                dependsOn,
                null,
                null,
                T0.plus(Duration.ofMinutes(i / 4)));
    }

    // ---- keyset paging ------------------------------------------------------------------------

    static Stream<String> sorts() {
        return Stream.of(
                "title", "-title", "dueDate", "-dueDate", "createdAt", "-createdAt", "updatedAt", "-dueDate,title", "");
    }

    @ParameterizedTest(name = "sort={0}")
    @MethodSource("sorts")
    void keysetPagingOverAProjectReturnsEveryTaskExactlyOnceInOrder(String sortText) {
        List<SortOrder> sort = QueryTerms.sort(TaskSearch.SCHEMA, sortText);
        List<Task> single = inProject(SearchCriteria.none(), new PageRequest(200, null, null, sort, TotalCount.NONE))
                .items();
        assertThat(single).hasSize(TASKS);
        assertOrdered(single, sort.isEmpty() ? TaskSearch.SCHEMA.defaultSort() : sort);
        List<Task> paged = keysetAll(c -> inProject(SearchCriteria.none(), c), sort, 11);
        assertThat(ids(paged)).containsExactlyElementsOf(ids(single));
    }

    @Test
    void pagesCarryEachTasksDependencies() {
        Map<TaskId, Task> seeded = new HashMap<>();
        everywhere.forEach(t -> seeded.put(t.id(), t));
        List<Task> paged = keysetAll(c -> inProject(SearchCriteria.none(), c), List.of(), 13);
        assertThat(paged)
                .hasSize(TASKS)
                .allSatisfy(t -> WorkspaceJpaMappersTest.assertSameState(t, seeded.get(t.id())));
        assertThat(paged.stream().mapToInt(t -> t.dependsOn().size()).sum()).isGreaterThan(200);
    }

    @Test
    void myTasksSpanProjectsAndPageByKeyset() {
        for (UserId user : List.of(ann, bob)) {
            for (String sortText : List.of("", "-dueDate", "title")) {
                List<SortOrder> sort = QueryTerms.sort(TaskSearch.SCHEMA, sortText);
                List<Task> mine = keysetAll(c -> assignedTo(user, SearchCriteria.none(), c), sort, 6);
                assertThat(ids(mine))
                        .containsExactlyInAnyOrderElementsOf(ids(where(everywhere, t -> user.equals(t.assigneeId()))));
                assertOrdered(mine, sort.isEmpty() ? TaskSearch.SCHEMA.defaultSort() : sort);
            }
        }
        assertThat(mine(ann).stream().map(Task::projectId).distinct()).hasSize(3);
        assertThat(assignedTo(UserId.newId(), SearchCriteria.none(), first(10)).items())
                .isEmpty();
    }

    // ---- filters ------------------------------------------------------------------------------

    static Stream<Arguments> filters() {
        return Stream.of(
                f("overdue", "is.true", t -> t.isOverdue(TODAY)),
                f("overdue", "eq.true", t -> t.isOverdue(TODAY)),
                f("overdue", "is.false", t -> !t.isOverdue(TODAY)),
                f("overdue", "eq.false", t -> !t.isOverdue(TODAY)),
                f("tags", "cs.even,three", t -> t.tags().values().containsAll(Set.of("even", "three"))),
                f("status", "in.TODO,BLOCKED", t -> t.status() == TaskStatus.TODO || t.status() == TaskStatus.BLOCKED),
                f("status", "neq.DONE", t -> t.status() != TaskStatus.DONE),
                f("priority", "eq.MEDIUM", t -> true),
                f(
                        "dueDate",
                        "gte." + TODAY,
                        t -> t.dueDate() != null && !t.dueDate().isBefore(TODAY)),
                f(
                        "dueDate",
                        "lt." + TODAY,
                        t -> t.dueDate() != null && t.dueDate().isBefore(TODAY)),
                f("dueDate", "is.null", t -> t.dueDate() == null),
                f("title", "like.Write*", t -> t.title().startsWith("Write")),
                f(
                        "createdAt",
                        "lt." + T0.plus(Duration.ofMinutes(3)),
                        t -> t.createdAt().isBefore(T0.plus(Duration.ofMinutes(3)))));
    }

    private static Arguments f(String field, String expression, Predicate<Task> expected) {
        return Arguments.of(field, expression, expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("filters")
    void filtersInAProjectMatchTheDomain(String field, String expression, Predicate<Task> expected) {
        SearchCriteria criteria = new SearchCriteria(List.of(filter(field, expression)), null);
        Page<Task> page = inProject(criteria, new PageRequest(200, null, null, List.of(), TotalCount.EXACT));
        List<Task> want = where(inBig, expected);
        assertThat(ids(page.items())).containsExactlyInAnyOrderElementsOf(ids(want));
        assertThat(page.total()).isEqualTo(want.size());
    }

    @Test
    void assigneeFilterAndRangesCombine() {
        SearchCriteria criteria = new SearchCriteria(
                List.of(
                        filter("assigneeId", "eq." + ann.value()),
                        filter("dueDate", "gte." + TODAY.minusDays(2)),
                        filter("dueDate", "lte." + TODAY.plusDays(2))),
                null);
        assertThat(ids(keysetAll(c -> inProject(criteria, c), List.of(), 5)))
                .containsExactlyInAnyOrderElementsOf(ids(where(
                        inBig,
                        t -> ann.equals(t.assigneeId())
                                && t.dueDate() != null
                                && !t.dueDate().isBefore(TODAY.minusDays(2))
                                && !t.dueDate().isAfter(TODAY.plusDays(2)))));
        assertThat(ids(inProject(new SearchCriteria(List.of(filter("assigneeId", "is.null")), null), first(200))
                        .items()))
                .containsExactlyInAnyOrderElementsOf(ids(where(inBig, t -> t.assigneeId() == null)));
    }

    @Test
    void myOverdueTasksUseTheGivenDay() {
        SearchCriteria overdue = new SearchCriteria(List.of(filter("overdue", "is.true")), null);
        assertThat(ids(keysetAll(c -> assignedTo(ann, overdue, c), List.of(), 4)))
                .containsExactlyInAnyOrderElementsOf(
                        ids(where(everywhere, t -> ann.equals(t.assigneeId()) && t.isOverdue(TODAY))));
        LocalDate farFuture = TODAY.plusYears(1);
        assertThat(ids(readTx(() -> tasks.searchAssignedTo(ann, overdue, first(200), farFuture))
                        .items()))
                .containsExactlyInAnyOrderElementsOf(
                        ids(where(everywhere, t -> ann.equals(t.assigneeId()) && t.isOverdue(farFuture))));
    }

    @Test
    void overduePagesOfAnyDayRunTheirShapesTranslatedStatement() {
        SearchCriteria overdue = new SearchCriteria(List.of(filter("overdue", "is.true")), null);
        SearchCriteria notOverdue = new SearchCriteria(List.of(filter("overdue", "is.false")), null);
        readTx(() -> tasks.searchInProject(big.id(), overdue, first(200), TODAY));
        readTx(() -> tasks.searchInProject(big.id(), notOverdue, first(200), TODAY));
        long translated = TaskPersistenceAdapter.SEARCH.translations();
        for (LocalDate day : List.of(TODAY.minusDays(20), TODAY.plusDays(3), TODAY.plusYears(1))) {
            assertThat(ids(readTx(() -> tasks.searchInProject(big.id(), overdue, first(200), day))
                            .items()))
                    .containsExactlyInAnyOrderElementsOf(ids(where(inBig, t -> t.isOverdue(day))));
            assertThat(ids(readTx(() -> tasks.searchInProject(big.id(), notOverdue, first(200), day))
                            .items()))
                    .containsExactlyInAnyOrderElementsOf(ids(where(inBig, t -> !t.isOverdue(day))));
        }
        assertThat(TaskPersistenceAdapter.SEARCH.translations())
                .as("the day and the statuses are bound: true and false are a shape each, translated once")
                .isEqualTo(translated);
    }

    @Test
    void overdueTakesOnlyTrueOrFalse() {
        assertThatThrownBy(() -> inProject(new SearchCriteria(List.of(filter("overdue", "is.null")), null), first(5)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("overdue"));
    }

    @Test
    void qSearchesTitleAndDescription() {
        assertThat(ids(inProject(new SearchCriteria(List.of(), "WRITE 01"), first(200))
                        .items()))
                .containsExactlyInAnyOrderElementsOf(
                        ids(where(inBig, t -> t.title().startsWith("Write 01"))));
        assertThat(ids(inProject(new SearchCriteria(List.of(), "about test 14"), first(200))
                        .items()))
                .containsExactlyInAnyOrderElementsOf(
                        ids(where(inBig, t -> t.title().startsWith("Test 14"))));
    }

    // ---- statements ---------------------------------------------------------------------------

    @Test
    void pagesOf1And100TasksWithTheirDependenciesCostTheSameStatements() {
        long one = statements(() ->
                assertThat(inProject(SearchCriteria.none(), first(1)).items()).hasSize(1));
        long hundred = statements(() -> {
            List<Task> items = inProject(SearchCriteria.none(), first(100)).items();
            assertThat(items).hasSize(100);
            assertThat(items.stream().mapToInt(t -> t.dependsOn().size()).sum()).isGreaterThan(100);
        });
        assertThat(one).as("the page, then the dependencies of all its tasks").isEqualTo(2);
        assertThat(hundred).isEqualTo(one);
        long mine = statements(() ->
                assignedTo(ann, new SearchCriteria(List.of(filter("overdue", "is.false")), null), first(100)));
        assertThat(mine).isEqualTo(one);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<Task> mine(UserId user) {
        return keysetAll(c -> assignedTo(user, SearchCriteria.none(), c), List.of(), 50);
    }

    private Page<Task> inProject(SearchCriteria criteria, PageRequest request) {
        return readTx(() -> tasks.searchInProject(big.id(), criteria, request, TODAY));
    }

    private Page<Task> assignedTo(UserId user, SearchCriteria criteria, PageRequest request) {
        return readTx(() -> tasks.searchAssignedTo(user, criteria, request, TODAY));
    }

    private static PageRequest first(int limit) {
        return new PageRequest(limit, null, null, List.of(), TotalCount.NONE);
    }

    private static Filter filter(String field, String expression) {
        return QueryTerms.filter(TaskSearch.SCHEMA, field, expression);
    }

    private static List<Task> where(List<Task> tasks, Predicate<Task> predicate) {
        return tasks.stream().filter(predicate).toList();
    }

    private static List<TaskId> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    private static List<Task> keysetAll(Function<PageRequest, Page<Task>> read, List<SortOrder> sort, int limit) {
        List<Task> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<Task> page = read.apply(new PageRequest(limit, cursor, null, sort, TotalCount.NONE));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(new HashSet<>(ids(items))).as("no task twice").hasSize(items.size());
        return items;
    }

    /** The order the adapter promises: sort keys with nulls last, then the id (as uuid bytes). */
    private void assertOrdered(List<Task> items, List<SortOrder> sort) {
        Comparator<Task> order = null;
        for (SortOrder key : sort) {
            Comparator<Task> next = comparator(key);
            order = order == null ? next : order.thenComparing(next);
        }
        boolean lastDescending = sort.get(sort.size() - 1).descending();
        Comparator<Task> byId = Comparator.comparing(t -> t.id().value(), TaskSearchTest::compareUuidBytes);
        Comparator<Task> total = order.thenComparing(lastDescending ? byId.reversed() : byId);
        for (int i = 1; i < items.size(); i++) {
            assertThat(total.compare(items.get(i - 1), items.get(i)))
                    .as("row %d before row %d", i - 1, i)
                    .isNegative();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Task> comparator(SortOrder key) {
        Function<Task, Comparable> value = switch (key.field()) {
            case "title" -> {
                Map<String, Integer> rank = titleRank();
                yield t -> rank.get(t.title());
            }
            case "dueDate" -> Task::dueDate;
            case "createdAt" -> Task::createdAt;
            case "updatedAt" -> Task::updatedAt;
            default -> throw new IllegalArgumentException(key.field());
        };
        Comparator<Comparable> direction = key.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(value, Comparator.nullsLast(direction));
    }

    /** Text order is the database collation's: rank each title by PostgreSQL's own ORDER BY. */
    private Map<String, Integer> titleRank() {
        List<?> ordered = readTx(() -> bean(jakarta.persistence.EntityManager.class)
                .createNativeQuery("SELECT DISTINCT title FROM tasks ORDER BY title", String.class)
                .getResultList());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put((String) ordered.get(i), i);
        }
        return rank;
    }

    private static int compareUuidBytes(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}

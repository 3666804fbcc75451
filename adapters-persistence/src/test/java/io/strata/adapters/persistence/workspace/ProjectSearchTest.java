package io.strata.adapters.persistence.workspace;

import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.CriteriaSearch;
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
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.ProjectSearch;
import io.strata.domain.workspace.ProjectStatus;
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
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ProjectRepository.search} over 130 projects: visibility, every filter, keyset paging, statements. */
class ProjectSearchTest extends PostgresTest {
    private static final int PROJECTS = 130;
    private static final LocalDate D0 = LocalDate.parse("2026-01-01");
    private ProjectRepository projects;
    private final List<UserId> users = new ArrayList<>();
    private final List<Project> all = new ArrayList<>();

    @BeforeAll
    void seed() {
        projects = bean(ProjectRepository.class);
        UserRepository userRepository = bean(UserRepository.class);
        txRun(() -> {
            for (String name : List.of("ada", "bob", "cyd", "dan")) {
                users.add(userRepository.add(WorkspaceFixtures.user(name)).id());
            }
        });
        for (int i = 0; i < PROJECTS; i++) {
            all.add(seedProject(i));
        }
        txRun(() -> all.forEach(projects::add));
    }

    /** ada owns a third and is a member of every other even one; dan is in none; groups of 3 share createdAt. */
    private Project seedProject(int i) {
        UserId owner = users.get(i % 3);
        Set<UserId> members = new LinkedHashSet<>();
        if (i % 2 == 0) {
            members.add(users.get(0));
        }
        if (i % 5 == 0) {
            members.add(users.get(1));
        }
        if (i % 7 == 0) {
            members.add(users.get(2));
        }
        LocalDate start = i % 4 == 0 ? null : D0.plusDays(i % 9);
        LocalDate due = i % 3 == 0 ? null : (start == null ? D0 : start).plusDays(i % 11);
        Set<String> tags = new HashSet<>();
        if (i % 2 == 0) {
            tags.add("even");
        }
        if (i % 3 == 0) {
            tags.add("three");
        }
        String name = (i % 10 == 0 ? "Moon " : "Mars ") + String.format("%03d", i);
        return WorkspaceFixtures.project(
                name,
                owner,
                members,
                ProjectStatus.values()[i % 5],
                Priority.values()[i % 4],
                start,
                due,
                tags,
                T0.plus(Duration.ofMinutes(i / 3)));
    }

    // ---- keyset paging ------------------------------------------------------------------------

    static Stream<String> sorts() {
        return Stream.of(
                "name",
                "-name",
                "startDate",
                "-startDate",
                "dueDate",
                "-dueDate",
                "createdAt",
                "-createdAt",
                "updatedAt",
                "-updatedAt",
                "-dueDate,name",
                "startDate,-createdAt",
                "");
    }

    @ParameterizedTest(name = "sort={0}")
    @MethodSource("sorts")
    void keysetPagingReturnsEveryVisibleProjectExactlyOnceInOrder(String sortText) {
        List<SortOrder> sort = QueryTerms.sort(ProjectSearch.SCHEMA, sortText);
        List<Project> single = page(
                        SearchCriteria.none(), new PageRequest(200, null, null, sort, TotalCount.NONE), null)
                .items();
        assertThat(single).hasSize(PROJECTS);
        assertOrdered(single, sort.isEmpty() ? ProjectSearch.SCHEMA.defaultSort() : sort);

        List<Project> paged = keysetAll(SearchCriteria.none(), sort, 9, null);
        assertThat(ids(paged)).containsExactlyElementsOf(ids(single));

        UserId ada = users.get(0);
        List<Project> visible = keysetAll(SearchCriteria.none(), sort, 7, ada);
        assertThat(ids(visible))
                .containsExactlyElementsOf(
                        ids(single.stream().filter(p -> p.isMember(ada)).toList()));
    }

    @Test
    void defaultSortIsNewestFirstAndEveryPageCarriesTheMembers() {
        List<Project> items = page(
                        SearchCriteria.none(), new PageRequest(200, null, null, List.of(), TotalCount.NONE), null)
                .items();
        assertOrdered(items, List.of(SortOrder.desc("createdAt")));
        for (Project found : items) {
            Project seeded = all.stream()
                    .filter(p -> p.id().equals(found.id()))
                    .findFirst()
                    .orElseThrow();
            WorkspaceJpaMappersTest.assertSameState(found, seeded);
        }
    }

    // ---- visibility and filters ---------------------------------------------------------------

    @Test
    void visibleToShowsOnlyTheProjectsOfAMember() {
        for (UserId user : users) {
            List<Project> visible = keysetAll(SearchCriteria.none(), List.of(), 10, user);
            assertThat(ids(visible)).containsExactlyInAnyOrderElementsOf(ids(where(p -> p.isMember(user))));
        }
        assertThat(keysetAll(SearchCriteria.none(), List.of(), 10, users.get(3)))
                .isEmpty();
        Page<Project> counted =
                page(SearchCriteria.none(), new PageRequest(5, null, null, List.of(), TotalCount.EXACT), users.get(1));
        assertThat(counted.total())
                .isEqualTo(where(p -> p.isMember(users.get(1))).size());
        sql("ANALYZE projects", "ANALYZE project_members");
        Page<Project> estimated = page(
                SearchCriteria.none(), new PageRequest(5, null, null, List.of(), TotalCount.ESTIMATED), users.get(1));
        assertThat(estimated.total())
                .as("the planner's estimate of the visible projects")
                .isBetween(1L, (long) PROJECTS);
    }

    @Test
    void everyMembersPagesRunOneTranslatedStatementWithTheirOwnId() {
        keysetAll(SearchCriteria.none(), List.of(), 10, users.get(0)); // the shapes are kept
        statistics().clear();
        for (UserId user : users) {
            assertThat(ids(keysetAll(SearchCriteria.none(), List.of(), 7, user)))
                    .containsExactlyInAnyOrderElementsOf(ids(where(p -> p.isMember(user))));
        }
        // a shape is translated once (the cursor's shape perhaps in the loop: the warm-up may have had one page only);
        // in a read-only transaction a translated shape runs as a plain statement, its members read apart, so
        // Hibernate's plan cache is not consulted again
        assertThat(statistics().getQueryPlanCacheMissCount()).isLessThanOrEqualTo(1);
        assertThat(statistics().getQueryPlanCacheHitCount()).isZero();
        assertThat(statistics().getPrepareStatementCount())
                .as("a page and its members for each user at least")
                .isGreaterThanOrEqualTo(users.size() * 2L);

        // a template that captures a value would freeze it into the kept statement: refused
        UUID captured = users.get(1).value();
        assertThatThrownBy(() -> CriteriaSearch.Scope.<ProjectJpaEntity, UUID>of(
                        UUID.class,
                        users.get(0).value(),
                        (where, user) -> where.cb().equal(where.root().get("ownerId"), captured)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capture nothing");
    }

    @Test
    void memberIdFiltersByMembershipAndCombinesWithVisibility() {
        UserId bob = users.get(1);
        UserId cyd = users.get(2);
        SearchCriteria bobs = criteria(null, "memberId", "eq." + bob.value());
        assertThat(ids(keysetAll(bobs, List.of(), 10, null)))
                .containsExactlyInAnyOrderElementsOf(ids(where(p -> p.isMember(bob))));
        assertThat(ids(keysetAll(bobs, List.of(), 10, cyd)))
                .containsExactlyInAnyOrderElementsOf(ids(where(p -> p.isMember(bob) && p.isMember(cyd))));
    }

    @Test
    void memberIdPagesOfEveryMemberRunOneTranslatedStatement() {
        keysetAll(criteria(null, "memberId", "eq." + users.get(0).value()), List.of(), 10, null);
        long translated = ProjectPersistenceAdapter.SEARCH.translations();
        for (UserId user : users) {
            assertThat(ids(keysetAll(criteria(null, "memberId", "eq." + user.value()), List.of(), 10, null)))
                    .containsExactlyInAnyOrderElementsOf(ids(where(p -> p.isMember(user))));
        }
        assertThat(ProjectPersistenceAdapter.SEARCH.translations() - translated)
                .as("the member is bound: later calls run the shape's statement (a cursor page is a shape of its own)")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void filtersMatchWhatTheDomainSays() {
        assertFilter("tags", "cs.even,three", p -> p.tags().values().containsAll(Set.of("even", "three")));
        assertFilter(
                "status",
                "in.ACTIVE,ON_HOLD",
                p -> Set.of(ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD).contains(p.status()));
        assertFilter("status", "neq.PLANNING", p -> p.status() != ProjectStatus.PLANNING);
        assertFilter("priority", "eq.CRITICAL", p -> p.priority() == Priority.CRITICAL);
        assertFilter("ownerId", "eq." + users.get(2).value(), p -> p.ownerId().equals(users.get(2)));
        assertFilter(
                "dueDate",
                "gte.2026-01-05",
                p -> p.dueDate() != null && !p.dueDate().isBefore(LocalDate.parse("2026-01-05")));
        assertFilter(
                "dueDate",
                "lt.2026-01-05",
                p -> p.dueDate() != null && p.dueDate().isBefore(LocalDate.parse("2026-01-05")));
        assertFilter("dueDate", "is.null", p -> p.dueDate() == null);
        assertFilter("startDate", "is.notnull", p -> p.startDate() != null);
        assertFilter("name", "like.Moon*", p -> p.name().startsWith("Moon"));
        assertFilter("name", "ilike.*0?5", p -> false); // '?' is literal, not a wildcard
        assertFilter(
                "createdAt",
                "gte." + T0.plus(Duration.ofMinutes(40)),
                p -> !p.createdAt().isBefore(T0.plus(Duration.ofMinutes(40))));

        // a due range, and a range combined with visibility
        SearchCriteria range = new SearchCriteria(
                List.of(filter("dueDate", "gte.2026-01-03"), filter("dueDate", "lte.2026-01-08")), null);
        Predicate<Project> inRange = p -> p.dueDate() != null
                && !p.dueDate().isBefore(LocalDate.parse("2026-01-03"))
                && !p.dueDate().isAfter(LocalDate.parse("2026-01-08"));
        assertThat(ids(keysetAll(range, QueryTerms.sort(ProjectSearch.SCHEMA, "dueDate"), 4, null)))
                .containsExactlyInAnyOrderElementsOf(ids(where(inRange)));
        assertThat(ids(keysetAll(range, List.of(), 4, users.get(0))))
                .containsExactlyInAnyOrderElementsOf(ids(where(inRange.and(p -> p.isMember(users.get(0))))));
    }

    @Test
    void qSearchesNameAndDescriptionCaseInsensitively() {
        assertThat(ids(keysetAll(new SearchCriteria(List.of(), "moon 0"), List.of(), 5, null)))
                .containsExactlyInAnyOrderElementsOf(ids(where(p -> p.name().startsWith("Moon 0"))));
        assertThat(ids(keysetAll(new SearchCriteria(List.of(), "ABOUT MARS 12"), List.of(), 5, null)))
                .containsExactlyInAnyOrderElementsOf(ids(where(p -> p.name().startsWith("Mars 12"))));
        assertThat(keysetAll(new SearchCriteria(List.of(), "100%"), List.of(), 5, null))
                .isEmpty();
    }

    @Test
    void aCursorFromAnotherSortIsRejected() {
        Page<Project> first = page(
                SearchCriteria.none(),
                new PageRequest(5, null, null, QueryTerms.sort(ProjectSearch.SCHEMA, "name"), TotalCount.NONE),
                null);
        assertThatThrownBy(() -> page(
                        SearchCriteria.none(),
                        new PageRequest(
                                5,
                                first.nextCursor(),
                                null,
                                QueryTerms.sort(ProjectSearch.SCHEMA, "dueDate"),
                                TotalCount.NONE),
                        null))
                .isInstanceOf(ValidationException.class);
    }

    // ---- statements ---------------------------------------------------------------------------

    @Test
    void pagesOf1And100ProjectsWithTheirMembersCostTheSameStatements() {
        long one = statements(() -> assertThat(
                        page(SearchCriteria.none(), new PageRequest(1, null, null, List.of(), TotalCount.NONE), null)
                                .items())
                .hasSize(1));
        long hundred = statements(() -> {
            List<Project> items = page(
                            SearchCriteria.none(), new PageRequest(100, null, null, List.of(), TotalCount.NONE), null)
                    .items();
            assertThat(items).hasSize(100);
            assertThat(items.stream().mapToInt(p -> p.members().size()).sum()).isGreaterThan(150);
        });
        assertThat(one).as("the page, then the members of all its projects").isEqualTo(2);
        assertThat(hundred).isEqualTo(one);

        long visible = statements(() -> page(
                SearchCriteria.none(), new PageRequest(100, null, null, List.of(), TotalCount.NONE), users.get(0)));
        assertThat(visible).isEqualTo(one);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void assertFilter(String field, String expression, Predicate<Project> expected) {
        SearchCriteria criteria = criteria(null, field, expression);
        assertThat(ids(keysetAll(criteria, List.of(), 8, null)))
                .as(field + "=" + expression)
                .containsExactlyInAnyOrderElementsOf(ids(where(expected)));
    }

    private List<Project> where(Predicate<Project> predicate) {
        return all.stream().filter(predicate).toList();
    }

    private static SearchCriteria criteria(String q, String field, String expression) {
        return new SearchCriteria(List.of(filter(field, expression)), q);
    }

    private static Filter filter(String field, String expression) {
        return QueryTerms.filter(ProjectSearch.SCHEMA, field, expression);
    }

    private Page<Project> page(SearchCriteria criteria, PageRequest request, UserId visibleTo) {
        return readTx(() -> projects.search(criteria, request, visibleTo));
    }

    private List<Project> keysetAll(SearchCriteria criteria, List<SortOrder> sort, int limit, UserId visibleTo) {
        List<Project> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<Project> page = page(criteria, new PageRequest(limit, cursor, null, sort, TotalCount.NONE), visibleTo);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(new HashSet<>(ids(items))).as("no project twice").hasSize(items.size());
        return items;
    }

    private static List<ProjectId> ids(List<Project> projects) {
        return projects.stream().map(Project::id).toList();
    }

    /** Checks the order the adapter promises: the sort keys with nulls last, then the id (as uuid bytes). */
    private void assertOrdered(List<Project> items, List<SortOrder> sort) {
        Comparator<Project> order = null;
        for (SortOrder key : sort) {
            Comparator<Project> next = comparator(key);
            order = order == null ? next : order.thenComparing(next);
        }
        boolean lastDescending = sort.get(sort.size() - 1).descending();
        Comparator<Project> byId = Comparator.comparing(p -> p.id().value(), ProjectSearchTest::compareUuidBytes);
        Comparator<Project> total = order.thenComparing(lastDescending ? byId.reversed() : byId);
        for (int i = 1; i < items.size(); i++) {
            assertThat(total.compare(items.get(i - 1), items.get(i)))
                    .as("row %d before row %d", i - 1, i)
                    .isNegative();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Project> comparator(SortOrder key) {
        Function<Project, Comparable> value = switch (key.field()) {
            // text order is the database collation's: rank each name by PostgreSQL's own ORDER BY
            case "name" -> {
                Map<String, Integer> rank = nameRank();
                yield p -> rank.get(p.name());
            }
            case "startDate" -> Project::startDate;
            case "dueDate" -> Project::dueDate;
            case "createdAt" -> Project::createdAt;
            case "updatedAt" -> Project::updatedAt;
            default -> throw new IllegalArgumentException(key.field());
        };
        Comparator<Comparable> direction = key.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(value, Comparator.nullsLast(direction));
    }

    private Map<String, Integer> nameRank() {
        List<?> ordered = readTx(() -> bean(jakarta.persistence.EntityManager.class)
                .createNativeQuery("SELECT name FROM projects ORDER BY name", String.class)
                .getResultList());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put((String) ordered.get(i), i);
        }
        return rank;
    }

    private static int compareUuidBytes(java.util.UUID a, java.util.UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}

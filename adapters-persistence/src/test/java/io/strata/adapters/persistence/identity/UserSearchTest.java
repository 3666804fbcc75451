package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.QueryTerms;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserSearch;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.query.TotalCount;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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

/** {@code UserRepository.search} over 122 users: every operator and type, keyset and offset paging, totals. */
class UserSearchTest extends PostgresTest {
    private static final int USERS = 120;
    private UserRepository users;
    private final List<User> all = new ArrayList<>();

    @BeforeAll
    void seed() {
        users = bean(UserRepository.class);
        for (int i = 0; i < USERS; i++) {
            all.add(seedUser(i));
        }
        all.add(plain("pct_a", T0.plus(Duration.ofMinutes(5)))); // a literal '_' for like
        all.add(plain("pctqa", T0.plus(Duration.ofMinutes(5))));
        txRun(() -> all.forEach(users::add));
        assertThat(all).hasSize(122);
    }

    private static User seedUser(int i) {
        String name = String.format("u%03d", i);
        Instant created = T0.plus(Duration.ofMinutes(i / 3)); // groups of three share createdAt
        Instant lastLogin = i % 4 == 0 ? null : T0.plus(Duration.ofHours(i % 7));
        Set<String> tags = new HashSet<>();
        if (i % 2 == 0) {
            tags.add("even");
        }
        if (i % 3 == 0) {
            tags.add("three");
        }
        if (i % 5 == 0) {
            tags.add("five");
        }
        boolean verified = i % 2 == 1;
        return User.reconstitute(
                UserId.newId(),
                new Email(name + (i % 5 == 0 ? "@corp.org" : "@example.com")),
                new Username(name),
                i % 3 == 0 ? "Ada" : i % 3 == 1 ? "Grace" : null,
                i % 4 == 0 ? "Lovelace" : i % 4 == 1 ? "Hopper" : null,
                Role.values()[i % 4],
                i % 3 == 0 ? UserStatus.INACTIVE : UserStatus.ACTIVE,
                new EmailVerification(verified, verified ? created : null),
                created,
                new LoginHistory(lastLogin, lastLogin == null ? 0 : i),
                Tags.of(tags),
                Map.of("i", i),
                new AuditStamp(0, created, created));
    }

    private static User plain(String name, Instant created) {
        return IdentityFixtures.activeUser(name + "@example.com", name, created);
    }

    // ---- keyset paging ------------------------------------------------------------------------

    static Stream<String> sorts() {
        return Stream.of(
                "username",
                "-username",
                "email",
                "-email",
                "createdAt",
                "-createdAt",
                "lastLoginAt",
                "-lastLoginAt",
                "-lastLoginAt,username",
                "lastLoginAt,-createdAt",
                "createdAt,-email",
                "");
    }

    @ParameterizedTest(name = "sort={0}")
    @MethodSource("sorts")
    void keysetPagingReturnsEveryRowExactlyOnceInOrder(String sortText) {
        List<SortOrder> sort = QueryTerms.sort(UserSearch.SCHEMA, sortText);
        List<User> single = page(SearchCriteria.none(), new PageRequest(200, null, null, sort, TotalCount.NONE))
                .items();
        assertThat(single).hasSize(all.size());

        List<User> paged = keysetAll(SearchCriteria.none(), sort, 7);
        assertThat(paged)
                .extracting(User::id)
                .containsExactlyElementsOf(single.stream().map(User::id).toList());
        assertThat(new HashSet<>(paged.stream().map(User::id).toList())).hasSize(all.size());
        assertOrdered(paged, sort);
    }

    @Test
    void defaultSortIsNewestFirst() {
        List<User> items = page(SearchCriteria.none(), new PageRequest(200, null, null, List.of(), TotalCount.NONE))
                .items();
        assertOrdered(items, List.of(SortOrder.desc("createdAt")));
    }

    @Test
    void lastPageHasNoCursorAndAnExactFitHasNone() {
        Page<User> whole = page(SearchCriteria.none(), new PageRequest(122, null, null, List.of(), TotalCount.NONE));
        assertThat(whole.items()).hasSize(122);
        assertThat(whole.nextCursor()).isNull();
        Page<User> almost = page(SearchCriteria.none(), new PageRequest(121, null, null, List.of(), TotalCount.NONE));
        assertThat(almost.nextCursor()).isNotNull();
        assertThat(almost.limit()).isEqualTo(121);
    }

    @Test
    void keysetPagingWithFiltersAndText() {
        SearchCriteria criteria = new SearchCriteria(List.of(filter("status", "eq.ACTIVE")), "grace");
        List<User> paged = keysetAll(criteria, QueryTerms.sort(UserSearch.SCHEMA, "-createdAt"), 3);
        assertThat(ids(paged))
                .containsExactlyInAnyOrderElementsOf(ids(all.stream()
                        .filter(u -> u.isActive() && "Grace".equals(u.firstName()))
                        .toList()));
    }

    // ---- one translated statement per shape ---------------------------------------------------

    @Test
    void aShapeIsTranslatedOnceAndRunWithEachCallsValues() {
        List<SortOrder> newest = QueryTerms.sort(UserSearch.SCHEMA, "-createdAt");
        page(
                new SearchCriteria(List.of(filter("role", "eq.USER")), null),
                new PageRequest(5, null, null, newest, TotalCount.NONE));
        statistics().clear();
        for (Role role : Role.values()) {
            SearchCriteria criteria = new SearchCriteria(List.of(filter("role", "eq." + role)), null);
            List<User> paged = keysetAll(criteria, newest, 4);
            assertThat(ids(paged))
                    .as(role.name())
                    .containsExactlyInAnyOrderElementsOf(
                            ids(all.stream().filter(u -> u.role() == role).toList()));
        }
        // first pages and later pages (with a cursor) are two shapes, each translated once before the loop ended; in a
        // read-only transaction a translated shape runs as a plain statement, so Hibernate's plan cache is not even
        // consulted again (its one translation of the cursor shape is the plain statement's)
        assertThat(statistics().getQueryPlanCacheMissCount()).isLessThanOrEqualTo(1);
        assertThat(statistics().getQueryPlanCacheHitCount()).isZero();
        assertThat(statistics().getPrepareStatementCount()).isGreaterThan(Role.values().length * 2L);

        // IN with another number of values is another shape; the values are still each call's
        assertThat(ids(page(
                                new SearchCriteria(List.of(filter("role", "in.(ADMIN,GUEST)")), null),
                                new PageRequest(200, null, null, newest, TotalCount.NONE))
                        .items()))
                .containsExactlyInAnyOrderElementsOf(ids(all.stream()
                        .filter(u -> u.role() == Role.ADMIN || u.role() == Role.GUEST)
                        .toList()));
        assertThat(ids(page(
                                new SearchCriteria(List.of(filter("role", "in.(USER)")), null),
                                new PageRequest(200, null, null, newest, TotalCount.NONE))
                        .items()))
                .containsExactlyInAnyOrderElementsOf(
                        ids(all.stream().filter(u -> u.role() == Role.USER).toList()));
    }

    // ---- plain pages: a read-only transaction reads a translated shape's rows without Hibernate ---------

    static Stream<String> plainCases() {
        return Stream.of(
                "-createdAt|",
                "username|role=eq.USER",
                "-lastLoginAt,username|status=neq.INACTIVE",
                "lastLoginAt,-createdAt|lastLoginAt=is.null",
                "createdAt,-email|tags=cs.{even,three}",
                "-email|email=ilike.*CORP*",
                "username|username=like.pct\\_*",
                "-username|role=in.(ADMIN,GUEST)",
                "createdAt|createdAt=gte.2026-01-15T10:30:30.123456Z",
                "-lastLoginAt|emailVerified=is.true",
                "username|username=eq.o'hara\\\"; DROP TABLE users;--");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainCases")
    void aReadOnlyPageReadsTheSameRowsAndCursorsAsHibernate(String testCase) {
        String[] parts = testCase.split("\\|", -1);
        List<SortOrder> sort = QueryTerms.sort(UserSearch.SCHEMA, parts[0]);
        List<Filter> filters = new ArrayList<>();
        if (!parts[1].isEmpty()) {
            int eq = parts[1].indexOf('=');
            filters.add(filter(parts[1].substring(0, eq), parts[1].substring(eq + 1)));
        }
        SearchCriteria criteria = new SearchCriteria(filters, null);
        String cursor = null;
        int pages = 0;
        do {
            PageRequest request = new PageRequest(7, cursor, null, sort, TotalCount.NONE);
            statistics().clear();
            Page<User> plain = readTx(() -> users.search(criteria, request));
            long plainLoads = statistics().getEntityLoadCount();
            Page<User> hibernate = tx(() -> users.search(criteria, request)); // read-write: Hibernate's own path
            assertThat(plain.items()).usingRecursiveComparison().isEqualTo(hibernate.items());
            assertThat(plain.nextCursor()).isEqualTo(hibernate.nextCursor());
            assertThat(plainLoads)
                    .as("entities Hibernate loaded in the read-only page")
                    .isZero();
            cursor = plain.nextCursor();
            pages++;
        } while (cursor != null && pages < 30);
        assertThat(cursor).isNull();
    }

    @Test
    void offsetPagesAndReadWriteTransactionsGoThroughHibernate() {
        List<SortOrder> newest = QueryTerms.sort(UserSearch.SCHEMA, "-createdAt");
        SearchCriteria users = new SearchCriteria(List.of(filter("role", "eq.USER")), null);
        readTx(() -> page(users, new PageRequest(5, null, null, newest, TotalCount.NONE))); // the shape is compiled

        statistics().clear();
        assertThat(page(users, new PageRequest(5, null, null, newest, TotalCount.NONE))
                        .items())
                .hasSize(5);
        assertThat(statistics().getEntityLoadCount())
                .as("a read-only keyset page")
                .isZero();

        statistics().clear();
        assertThat(page(users, new PageRequest(5, null, 5, newest, TotalCount.NONE))
                        .items())
                .hasSize(5);
        assertThat(statistics().getEntityLoadCount())
                .as("an offset page (limit + 1 rows)")
                .isEqualTo(6);

        statistics().clear();
        assertThat(tx(() -> this.users.search(users, new PageRequest(5, null, null, newest, TotalCount.NONE)))
                        .items())
                .hasSize(5);
        assertThat(statistics().getEntityLoadCount())
                .as("a read-write page (limit + 1 rows)")
                .isEqualTo(6);
    }

    @Test
    void callsOfOneShapeAtOnceEachGetTheirOwnRows() throws Exception {
        List<SortOrder> byName = QueryTerms.sort(UserSearch.SCHEMA, "username");
        Role[] roles = Role.values();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Role role = roles[t % roles.length];
                String tag = t % 2 == 0 ? "even" : "three";
                results.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        SearchCriteria criteria = new SearchCriteria(
                                List.of(filter("role", "eq." + role), filter("tags", "cs." + tag)), null);
                        List<UUID> got = ids(keysetAll(criteria, byName, 3));
                        List<UUID> expected = ids(all.stream()
                                .filter(u ->
                                        u.role() == role && u.tags().values().contains(tag))
                                .sorted(Comparator.comparing(u -> u.username().value()))
                                .toList());
                        if (!got.equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSearchWithTextRunsItsOwnTree() {
        List<SortOrder> newest = QueryTerms.sort(UserSearch.SCHEMA, "-createdAt");
        for (String text : List.of("grace", "ada")) {
            statistics().clear();
            List<User> found = page(
                            new SearchCriteria(List.of(), text),
                            new PageRequest(200, null, null, newest, TotalCount.NONE))
                    .items();
            String name = text.equals("grace") ? "Grace" : "Ada";
            assertThat(ids(found))
                    .containsExactlyInAnyOrderElementsOf(ids(
                            all.stream().filter(u -> name.equals(u.firstName())).toList()));
            // the text matcher is a context's own: its tree is not kept, so no plan cache lookup at all
            assertThat(statistics().getQueryPlanCacheHitCount()).isZero();
        }
    }

    // ---- offset paging and totals -------------------------------------------------------------

    @Test
    void offsetPagingWalksTheSameOrder() {
        List<SortOrder> sort = QueryTerms.sort(UserSearch.SCHEMA, "username");
        List<User> single = page(SearchCriteria.none(), new PageRequest(200, null, null, sort, TotalCount.NONE))
                .items();
        List<User> paged = new ArrayList<>();
        for (int offset = 0; ; offset += 10) {
            Page<User> page = page(SearchCriteria.none(), new PageRequest(10, null, offset, sort, TotalCount.EXACT));
            assertThat(page.total()).isEqualTo(122);
            paged.addAll(page.items());
            if (page.nextCursor() == null) {
                break;
            }
        }
        assertThat(ids(paged)).containsExactlyElementsOf(ids(single));
        Page<User> beyond = page(SearchCriteria.none(), new PageRequest(10, null, 500, sort, TotalCount.NONE));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.nextCursor()).isNull();

        // an offset page's cursor continues with keyset paging
        Page<User> second = page(SearchCriteria.none(), new PageRequest(10, null, 10, sort, TotalCount.NONE));
        Page<User> third =
                page(SearchCriteria.none(), new PageRequest(10, second.nextCursor(), null, sort, TotalCount.NONE));
        assertThat(ids(third.items())).containsExactlyElementsOf(ids(single.subList(20, 30)));
    }

    @Test
    void exactCountCountsTheWholeFilteredList() {
        SearchCriteria criteria = new SearchCriteria(List.of(filter("tags", "cs.even")), null);
        Page<User> first = page(criteria, new PageRequest(5, null, null, List.of(), TotalCount.EXACT));
        assertThat(first.total()).isEqualTo(60);
        Page<User> second = page(criteria, new PageRequest(5, first.nextCursor(), null, List.of(), TotalCount.EXACT));
        assertThat(second.total()).isEqualTo(60);
        assertThat(page(criteria, new PageRequest(5, null, null, List.of(), TotalCount.NONE))
                        .total())
                .isNull();
    }

    @Test
    void estimatedCountUsesPostgresStatistics() {
        sql("ANALYZE users");
        Page<User> unfiltered =
                page(SearchCriteria.none(), new PageRequest(5, null, null, List.of(), TotalCount.ESTIMATED));
        assertThat(unfiltered.total()).isEqualTo(122);
        Page<User> filtered = page(
                new SearchCriteria(List.of(filter("status", "eq.ACTIVE")), null),
                new PageRequest(5, null, null, List.of(), TotalCount.ESTIMATED));
        assertThat(filtered.total()).isBetween(40L, 122L); // 82 really; the planner's estimate from ANALYZE
        long statements = statements(() -> page(
                new SearchCriteria(List.of(filter("role", "eq.ADMIN")), "lovelace"),
                new PageRequest(5, null, null, List.of(), TotalCount.ESTIMATED)));
        assertThat(statements).as("page + reltuples + EXPLAIN").isEqualTo(3);
    }

    @Test
    void estimatingInsideAWriteTransactionLeavesItsConnectionUsable() {
        User extra = plain("estimator", T0);
        txRun(() -> {
            Page<User> page = users.search(
                    new SearchCriteria(List.of(filter("status", "eq.ACTIVE")), null),
                    new PageRequest(5, null, null, List.of(), TotalCount.ESTIMATED));
            assertThat(page.total()).isPositive();
            users.add(extra);
        });
        assertThat(readTx(() -> users.findById(extra.id()))).isPresent();
        txRun(() -> IdentityFixtures.delete(users, extra.id()));
    }

    @Test
    void pagesOf1And100UsersCostTheSameStatements() {
        long one = statements(() -> assertThat(
                        page(SearchCriteria.none(), new PageRequest(1, null, null, List.of(), TotalCount.NONE))
                                .items())
                .hasSize(1));
        long hundred = statements(() -> assertThat(
                        page(SearchCriteria.none(), new PageRequest(100, null, null, List.of(), TotalCount.NONE))
                                .items())
                .hasSize(100));
        assertThat(one).isEqualTo(1);
        assertThat(hundred).isEqualTo(one);
        long counted = statements(() -> page(
                new SearchCriteria(List.of(filter("tags", "cs.three")), "ada"),
                new PageRequest(
                        100, null, null, QueryTerms.sort(UserSearch.SCHEMA, "-lastLoginAt"), TotalCount.EXACT)));
        assertThat(counted).as("items + count").isEqualTo(2);
    }

    // ---- cursors ------------------------------------------------------------------------------

    @Test
    void tamperedOrForeignCursorsAreValidationErrors() {
        List<SortOrder> byName = QueryTerms.sort(UserSearch.SCHEMA, "username");
        String cursor = page(SearchCriteria.none(), new PageRequest(5, null, null, byName, TotalCount.NONE))
                .nextCursor();
        assertThat(cursor).isNotNull();
        char[] chars = cursor.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);

        for (String bad : List.of(tampered, cursor.substring(0, cursor.length() - 2), "not-a-cursor!", "AAAA", "")) {
            assertThatThrownBy(
                            () -> page(SearchCriteria.none(), new PageRequest(5, bad, null, byName, TotalCount.NONE)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors())
                                    .extracting(ValidationException.FieldError::field)
                                    .containsExactly("cursor"));
        }
        assertThatThrownBy(() -> page(
                        SearchCriteria.none(),
                        new PageRequest(
                                5, cursor, null, QueryTerms.sort(UserSearch.SCHEMA, "-username"), TotalCount.NONE)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sort");
        assertThatThrownBy(() -> page(
                        SearchCriteria.none(),
                        new PageRequest(5, cursor, null, QueryTerms.sort(UserSearch.SCHEMA, "email"), TotalCount.NONE)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }

    // ---- filters ------------------------------------------------------------------------------

    static Stream<Arguments> filters() {
        Instant t10 = T0.plus(Duration.ofMinutes(10));
        Instant h3 = T0.plus(Duration.ofHours(3));
        return Stream.of(
                f("username", "eq.u007", u -> u.username().value().equals("u007")),
                f("username", "neq.u007", u -> !u.username().value().equals("u007")),
                f("username", "gt.u100", u -> u.username().value().compareTo("u100") > 0),
                f("username", "gte.u100", u -> u.username().value().compareTo("u100") >= 0),
                f("username", "lt.u005", u -> u.username().value().compareTo("u005") < 0),
                f("username", "lte.u005", u -> u.username().value().compareTo("u005") <= 0),
                f(
                        "username",
                        "in.u001,u002,nobody",
                        u -> Set.of("u001", "u002").contains(u.username().value())),
                f("username", "like.u00*", u -> u.username().value().startsWith("u00")),
                f("username", "ilike.U00*", u -> u.username().value().startsWith("u00")),
                f("username", "like.pct_a", u -> u.username().value().equals("pct_a")),
                f("username", "like.*_*", u -> u.username().value().contains("_")),
                f("username", "like.pct%a", u -> false),
                f("username", "is.notnull", u -> true),
                f("username", "is.null", u -> false),
                f("email", "ilike.*@CORP.ORG", u -> u.email().value().endsWith("@corp.org")),
                f("email", "like.*example.com", u -> u.email().value().endsWith("example.com")),
                f("email", "eq.u010@corp.org", u -> u.email().value().equals("u010@corp.org")),
                f("status", "eq.INACTIVE", u -> u.status() == UserStatus.INACTIVE),
                f("status", "neq.inactive", u -> u.status() != UserStatus.INACTIVE),
                f("status", "in.ACTIVE,INACTIVE", u -> true),
                f("role", "eq.ADMIN", u -> u.role() == Role.ADMIN),
                f("role", "in.ADMIN,GUEST", u -> u.role() == Role.ADMIN || u.role() == Role.GUEST),
                f("role", "neq.USER", u -> u.role() != Role.USER),
                f("tags", "cs.even", u -> u.tags().values().contains("even")),
                f("tags", "cs.even,three", u -> u.tags().values().containsAll(Set.of("even", "three"))),
                f("tags", "cs.{five,three}", u -> u.tags().values().containsAll(Set.of("five", "three"))),
                f("tags", "cs.absent", u -> false),
                f("emailVerified", "is.true", User::emailVerified),
                f("emailVerified", "is.false", u -> !u.emailVerified()),
                f("emailVerified", "eq.true", User::emailVerified),
                f("emailVerified", "neq.true", u -> !u.emailVerified()),
                f("createdAt", "eq." + t10, u -> u.createdAt().equals(t10)),
                f("createdAt", "neq." + t10, u -> !u.createdAt().equals(t10)),
                f("createdAt", "gt." + t10, u -> u.createdAt().isAfter(t10)),
                f("createdAt", "gte." + t10, u -> !u.createdAt().isBefore(t10)),
                f("createdAt", "lt." + t10, u -> u.createdAt().isBefore(t10)),
                f("createdAt", "lte." + t10, u -> !u.createdAt().isAfter(t10)),
                f(
                        "createdAt",
                        "in." + T0 + "," + t10,
                        u -> u.createdAt().equals(T0) || u.createdAt().equals(t10)),
                f("createdAt", "is.notnull", u -> true),
                f("lastLoginAt", "is.null", u -> u.lastLoginAt() == null),
                f("lastLoginAt", "is.notnull", u -> u.lastLoginAt() != null),
                f(
                        "lastLoginAt",
                        "gte." + h3,
                        u -> u.lastLoginAt() != null && !u.lastLoginAt().isBefore(h3)),
                f(
                        "lastLoginAt",
                        "lt." + h3,
                        u -> u.lastLoginAt() != null && u.lastLoginAt().isBefore(h3)));
    }

    private static Arguments f(String field, String expression, Predicate<User> expected) {
        return Arguments.of(field, expression, expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("filters")
    void everyOperatorAndTypeFiltersLikeTheDomainWould(String field, String expression, Predicate<User> expected) {
        SearchCriteria criteria = new SearchCriteria(List.of(filter(field, expression)), null);
        Page<User> page = page(criteria, new PageRequest(200, null, null, List.of(), TotalCount.EXACT));
        List<UUID> want = ids(all.stream().filter(expected).toList());
        assertThat(ids(page.items())).containsExactlyInAnyOrderElementsOf(want);
        assertThat(page.total()).isEqualTo(want.size());
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("ada", (Predicate<User>) u -> "Ada".equals(u.firstName())),
                Arguments.of("LOVELACE", (Predicate<User>) u -> "Lovelace".equals(u.lastName())),
                Arguments.of("ada lovelace", (Predicate<User>)
                        u -> "Ada".equals(u.firstName()) && "Lovelace".equals(u.lastName())),
                Arguments.of(
                        "corp.org", (Predicate<User>) u -> u.email().value().endsWith("corp.org")),
                Arguments.of("u01", (Predicate<User>) u -> u.username().value().startsWith("u01")),
                Arguments.of("_", (Predicate<User>) u -> u.username().value().contains("_")),
                Arguments.of("%", (Predicate<User>) u -> false),
                Arguments.of("nobody-here", (Predicate<User>) u -> false));
    }

    @ParameterizedTest(name = "q={0}")
    @MethodSource("texts")
    void textSearchesUsernameEmailAndFullName(String q, Predicate<User> expected) {
        Page<User> page =
                page(new SearchCriteria(List.of(), q), new PageRequest(200, null, null, List.of(), TotalCount.NONE));
        assertThat(ids(page.items()))
                .containsExactlyInAnyOrderElementsOf(
                        ids(all.stream().filter(expected).toList()));
    }

    @Test
    void filtersCombineWithAnd() {
        SearchCriteria criteria = new SearchCriteria(
                List.of(
                        filter("tags", "cs.even"),
                        filter("role", "in.ADMIN,USER"),
                        filter("lastLoginAt", "is.notnull")),
                "example");
        List<User> found = page(criteria, new PageRequest(200, null, null, List.of(), TotalCount.NONE))
                .items();
        assertThat(ids(found))
                .containsExactlyInAnyOrderElementsOf(ids(all.stream()
                        .filter(u -> u.tags().values().contains("even")
                                && (u.role() == Role.ADMIN || u.role() == Role.USER)
                                && u.lastLoginAt() != null
                                && u.email().value().contains("example"))
                        .toList()));
        assertThat(found).isNotEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Page<User> page(SearchCriteria criteria, PageRequest request) {
        return readTx(() -> users.search(criteria, request));
    }

    private List<User> keysetAll(SearchCriteria criteria, List<SortOrder> sort, int limit) {
        List<User> collected = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            Page<User> page = page(criteria, new PageRequest(limit, cursor, null, sort, TotalCount.NONE));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            collected.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                return collected;
            }
            assertThat(page.items()).hasSize(limit);
        }
        throw new AssertionError("paging did not end");
    }

    private static Filter filter(String field, String expression) {
        return QueryTerms.filter(UserSearch.SCHEMA, field, expression);
    }

    private static List<UUID> ids(List<User> users) {
        return users.stream().map(u -> u.id().value()).toList();
    }

    /** Checks the order PostgreSQL promised: each key in its direction, nulls last, then the id (as uuid bytes). */
    private void assertOrdered(List<User> items, List<SortOrder> sort) {
        Comparator<User> order = null;
        for (SortOrder key : sort) {
            Comparator<User> next = comparator(key);
            order = order == null ? next : order.thenComparing(next);
        }
        boolean lastDescending = sort.get(sort.size() - 1).descending();
        Comparator<User> byId = Comparator.comparing(u -> u.id().value(), UserSearchTest::compareUuidBytes);
        order = order.thenComparing(lastDescending ? byId.reversed() : byId);
        for (int i = 1; i < items.size(); i++) {
            assertThat(order.compare(items.get(i - 1), items.get(i)))
                    .as("row %d before row %d", i - 1, i)
                    .isNegative();
        }
    }

    private Comparator<User> comparator(SortOrder key) {
        return switch (key.field()) {
            case "createdAt" -> instants(User::createdAt, key.descending());
            case "lastLoginAt" -> instants(User::lastLoginAt, key.descending());
            // text order is the database collation's: rank each value by PostgreSQL's own ORDER BY
            case "username" ->
                ranked(collationRank("username"), u -> u.username().value(), key.descending());
            case "email" -> ranked(collationRank("email"), u -> u.email().value(), key.descending());
            default -> throw new IllegalArgumentException(key.field());
        };
    }

    private Map<String, Integer> collationRank(String column) {
        List<?> ordered = readTx(() -> bean(jakarta.persistence.EntityManager.class)
                .createNativeQuery("SELECT " + column + " FROM users ORDER BY " + column, String.class)
                .getResultList());
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put((String) ordered.get(i), i);
        }
        return rank;
    }

    private static Comparator<User> ranked(Map<String, Integer> rank, Function<User, String> get, boolean descending) {
        Comparator<User> ascending = Comparator.comparing(u -> rank.get(get.apply(u)));
        return descending ? ascending.reversed() : ascending;
    }

    private static Comparator<User> instants(Function<User, Instant> get, boolean descending) {
        Comparator<Instant> natural =
                descending ? Comparator.<Instant>reverseOrder() : Comparator.<Instant>naturalOrder();
        return Comparator.comparing(get, Comparator.nullsLast(natural));
    }

    private static int compareUuidBytes(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}

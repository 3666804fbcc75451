package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.QueryTerms;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.query.TotalCount;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-call parts of a {@link CriteriaSearch}: a {@link CriteriaSearch.Scope} (ANDed to the filters,
 * counted, paged with keyset cursors, correlated {@code EXISTS}) and a {@link SearchContext} read by the
 * filter and text translators of a search built once.
 */
class CriteriaSearchScopeTest extends PostgresTest {
    private static final Instant T0 = Instant.parse("2026-01-15T10:20:30.123456Z");
    private static final int USERS = 40;
    private static final SearchContext.Key<Instant> SINCE = SearchContext.key("since", Instant.class);
    private static final SearchContext.Key<Long> MIN_LOGINS = SearchContext.key("minLogins", Long.class);

    private static final QuerySchema SCHEMA = QuerySchema.builder("people")
            .text("handle", true)
            .comparable("logins", FieldType.INTEGER, true)
            .comparable("lastLogin", FieldType.INSTANT, true)
            .field("recent", FieldType.BOOLEAN, Set.of(FilterOperator.EQ), false)
            .defaultSort(SortOrder.asc("handle"))
            .build();

    /** Built once: {@code recent} and {@code q} take their bound from the call's context. */
    private static final CriteriaSearch<SearchTestPerson> SEARCH = CriteriaSearch.builder(
                    SearchTestPerson.class, SCHEMA)
            .attribute("handle", "username")
            .attribute("logins", "loginCount")
            .attribute("lastLogin", "lastLoginAt")
            .nullable("lastLogin")
            .filter("recent", (where, filter) -> recent(where, filter))
            .text((where, q) -> where.cb()
                    .and(
                            where.cb()
                                    .like(where.root().<String>get("username"), LikePatterns.containsPattern(q), '\\'),
                            where.cb()
                                    .greaterThanOrEqualTo(
                                            where.root().<Long>get("loginCount"),
                                            where.context().get(MIN_LOGINS))))
            .build();

    private static final CriteriaSearch.Scope<SearchTestPerson> ADMINS = CriteriaSearch.Scope.equal("role", "ADMIN");

    /** A correlated {@code EXISTS}: the user has a session. */
    private static final CriteriaSearch.Scope<SearchTestPerson> WITH_SESSION = where -> {
        Subquery<Integer> sessions = where.query().subquery(Integer.class);
        Root<SearchTestSession> session = sessions.from(SearchTestSession.class);
        sessions.select(where.cb().literal(1))
                .where(where.cb().equal(session.get("userId"), where.root().get("id")));
        return where.cb().exists(sessions);
    };

    private final List<Row> rows = new ArrayList<>();

    /** What was seeded: admins every third user, sessions every fourth, no login for every fifth. */
    private record Row(UserId id, String name, Role role, long logins, Instant lastLogin, boolean session) {}

    @BeforeAll
    void seed() {
        UserRepository users = bean(UserRepository.class);
        for (int i = 0; i < USERS; i++) {
            Instant lastLogin = i % 5 == 0 ? null : T0.plus(Duration.ofDays(i % 13));
            rows.add(new Row(
                    UserId.newId(),
                    String.format("p%02d", i),
                    i % 3 == 0 ? Role.ADMIN : Role.USER,
                    i % 5 == 0 ? 0 : i % 17,
                    lastLogin,
                    i % 4 == 0));
        }
        txRun(() -> rows.forEach(row -> users.add(User.reconstitute(
                row.id(),
                new Email(row.name() + "@example.com"),
                new Username(row.name()),
                null,
                null,
                row.role(),
                UserStatus.ACTIVE,
                EmailVerification.NOT_VERIFIED,
                null,
                new LoginHistory(row.lastLogin(), row.logins()),
                Tags.none(),
                Map.of(),
                new AuditStamp(0, T0, T0)))));
        StringBuilder sessions = new StringBuilder();
        for (Row row : rows) {
            if (row.session()) {
                sessions.append(sessions.isEmpty() ? "" : ",")
                        .append("('")
                        .append(row.id().value())
                        .append("')");
            }
        }
        sql("INSERT INTO sessions (id, user_id, token_hash, expires_at, created_at, updated_at) "
                + "SELECT gen_random_uuid(), u.id, md5(u.id::text) || md5(u.id::text), now() + interval '1 day', now(), now() "
                + "FROM (VALUES " + sessions + ") AS v(id) JOIN users u ON u.id = cast(v.id AS uuid)");
    }

    // ---- scope --------------------------------------------------------------------------------

    @Test
    void aScopeIsAndedToTheFiltersAndTheTextAndIsCounted() {
        SearchCriteria atLeast5 = new SearchCriteria(List.of(QueryTerms.filter(SCHEMA, "logins", "gte.5")), null);
        Page<SearchTestPerson> page =
                search(atLeast5, request(100, null, "", TotalCount.EXACT), ADMINS, SearchContext.empty());
        List<String> expected = names(rows.stream()
                .filter(r -> r.role() == Role.ADMIN && r.logins() >= 5)
                .toList());
        assertThat(names(page)).containsExactlyElementsOf(expected);
        assertThat(page.total()).isEqualTo(expected.size());
        Page<SearchTestPerson> unscoped =
                search(atLeast5, request(100, null, "", TotalCount.EXACT), null, SearchContext.empty());
        assertThat(unscoped.total()).isGreaterThan(page.total());

        SearchCriteria text = new SearchCriteria(List.of(), "p1");
        Page<SearchTestPerson> byText =
                search(text, request(100, null, "", TotalCount.EXACT), ADMINS, SearchContext.of(MIN_LOGINS, 0L));
        List<String> expectedText = names(rows.stream()
                .filter(r -> r.role() == Role.ADMIN && r.name().contains("p1"))
                .toList());
        assertThat(names(byText)).containsExactlyElementsOf(expectedText);
        assertThat(byText.total()).isEqualTo(expectedText.size());
    }

    @Test
    void aCorrelatedExistsScopeIsPagedAndCountedInOneStatementEach() {
        List<String> expected = names(rows.stream().filter(Row::session).toList());
        assertThat(names(keysetAll(SearchCriteria.none(), "-logins", 3, WITH_SESSION)))
                .containsExactlyInAnyOrderElementsOf(expected);
        long statements = statements(() -> {
            Page<SearchTestPerson> page = search(
                    SearchCriteria.none(), request(4, null, "", TotalCount.EXACT), WITH_SESSION, SearchContext.empty());
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(page.items()).hasSize(4);
        });
        assertThat(statements).as("the page and its count").isEqualTo(2);

        // combined with a scope-like filter and a second predicate in the scope
        CriteriaSearch.Scope<SearchTestPerson> adminsWithSession =
                where -> where.cb().and(ADMINS.restrict(where), WITH_SESSION.restrict(where));
        assertThat(names(keysetAll(SearchCriteria.none(), "handle", 2, adminsWithSession)))
                .containsExactlyElementsOf(names(rows.stream()
                        .filter(r -> r.session() && r.role() == Role.ADMIN)
                        .toList()));

        sql("ANALYZE users", "ANALYZE sessions");
        Page<SearchTestPerson> estimated = search(
                SearchCriteria.none(), request(4, null, "", TotalCount.ESTIMATED), WITH_SESSION, SearchContext.empty());
        assertThat(estimated.total())
                .as("the planner's estimate within the scope, not the table's size")
                .isBetween(1L, (long) USERS - 1);
    }

    static Stream<String> sorts() {
        return Stream.of("handle", "-handle", "logins", "-logins", "lastLogin", "-lastLogin", "-lastLogin,handle", "");
    }

    @ParameterizedTest(name = "sort={0}")
    @MethodSource("sorts")
    void keysetPagingWithinAScopeReturnsEveryRowOnceInOrder(String sort) {
        List<String> single = names(search(
                SearchCriteria.none(), request(100, null, sort, TotalCount.NONE), ADMINS, SearchContext.empty()));
        assertThat(single)
                .containsExactlyInAnyOrderElementsOf(
                        names(rows.stream().filter(r -> r.role() == Role.ADMIN).toList()));
        assertThat(names(keysetAll(SearchCriteria.none(), sort, 3, ADMINS))).containsExactlyElementsOf(single);
        assertThat(names(keysetAll(SearchCriteria.none(), sort, 4, WITH_SESSION)))
                .containsExactlyInAnyOrderElementsOf(
                        names(rows.stream().filter(Row::session).toList()));
    }

    @Test
    void anEqualAndNullScopeIsOneShapeForEveryValue() {
        for (Role role : Role.values()) {
            CriteriaSearch.Scope<SearchTestPerson> neverLoggedIn =
                    CriteriaSearch.Scope.equalAndNull("role", role.name(), "lastLoginAt");
            if (role != Role.values()[0]) {
                statistics().clear();
            }
            Page<SearchTestPerson> page = search(
                    SearchCriteria.none(),
                    request(50, null, "handle", TotalCount.NONE),
                    neverLoggedIn,
                    SearchContext.empty());
            assertThat(names(page))
                    .as(role.name())
                    .containsExactlyElementsOf(names(rows.stream()
                            .filter(row -> row.role() == role && row.lastLogin() == null)
                            .sorted(Comparator.comparing(Row::name))
                            .toList()));
            if (role != Role.values()[0]) {
                // the first role's call translated the shape; the others run its statement with their own value
                assertThat(statistics().getQueryPlanCacheMissCount())
                        .as(role.name())
                        .isZero();
                assertThat(statistics().getPrepareStatementCount())
                        .as(role.name())
                        .isEqualTo(1);
            }
        }
        Page<SearchTestPerson> counted = search(
                SearchCriteria.none(),
                request(2, null, "handle", TotalCount.EXACT),
                CriteriaSearch.Scope.equalAndNull("role", "ADMIN", "lastLoginAt"),
                SearchContext.empty());
        assertThat(counted.total())
                .isEqualTo(rows.stream()
                        .filter(row -> row.role() == Role.ADMIN && row.lastLogin() == null)
                        .count());
    }

    @Test
    void theCursorIsBoundToTheSortNotToTheScope() {
        Page<SearchTestPerson> first = search(
                SearchCriteria.none(), request(3, null, "handle", TotalCount.NONE), ADMINS, SearchContext.empty());
        // the same scope (another Scope instance) continues the list
        Page<SearchTestPerson> second = search(
                SearchCriteria.none(),
                request(3, first.nextCursor(), "handle", TotalCount.NONE),
                CriteriaSearch.Scope.equal("role", "ADMIN"),
                SearchContext.empty());
        assertThat(names(second)).doesNotContainAnyElementsOf(names(first)).hasSize(3);
        assertThat(second.items()).allMatch(u -> "ADMIN".equals(u.getRole()));
        assertThatThrownBy(() -> search(
                        SearchCriteria.none(),
                        request(3, first.nextCursor(), "-handle", TotalCount.NONE),
                        ADMINS,
                        SearchContext.empty()))
                .isInstanceOf(ValidationException.class);
    }

    // ---- context ------------------------------------------------------------------------------

    @Test
    void filterAndTextTranslatorsReadTheCallsContext() {
        SearchCriteria recent = new SearchCriteria(List.of(QueryTerms.filter(SCHEMA, "recent", "eq.true")), null);
        for (int days : List.of(0, 4, 9, 13)) {
            Instant since = T0.plus(Duration.ofDays(days));
            List<String> found = names(
                    search(recent, request(100, null, "", TotalCount.NONE), null, SearchContext.of(SINCE, since)));
            assertThat(found)
                    .as("since day %d", days)
                    .containsExactlyElementsOf(names(rows.stream()
                            .filter(r -> r.lastLogin() != null && !r.lastLogin().isBefore(since))
                            .toList()));
        }
        SearchCriteria stale = new SearchCriteria(List.of(QueryTerms.filter(SCHEMA, "recent", "eq.false")), null);
        Instant since = T0.plus(Duration.ofDays(6));
        Page<SearchTestPerson> notRecentAdmins =
                search(stale, request(100, null, "", TotalCount.EXACT), ADMINS, SearchContext.of(SINCE, since));
        List<String> expected = names(rows.stream()
                .filter(r -> r.role() == Role.ADMIN
                        && (r.lastLogin() == null || r.lastLogin().isBefore(since)))
                .toList());
        assertThat(names(notRecentAdmins)).containsExactlyElementsOf(expected);
        assertThat(notRecentAdmins.total()).isEqualTo(expected.size());

        SearchCriteria text = new SearchCriteria(List.of(), "p");
        for (long min : List.of(0L, 8L, 16L)) {
            assertThat(names(search(
                            text,
                            request(100, null, "", TotalCount.NONE),
                            null,
                            SearchContext.of(SINCE, since).with(MIN_LOGINS, min))))
                    .containsExactlyElementsOf(
                            names(rows.stream().filter(r -> r.logins() >= min).toList()));
        }
    }

    @Test
    void aMissingContextValueIsAProgrammingError() {
        SearchCriteria recent = new SearchCriteria(List.of(QueryTerms.filter(SCHEMA, "recent", "eq.true")), null);
        assertThatThrownBy(() -> search(recent, request(10, null, "", TotalCount.NONE), null, SearchContext.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("since");
        assertThat(SearchContext.of(SINCE, T0).has(MIN_LOGINS)).isFalse();
        assertThatThrownBy(() -> SearchContext.of(SINCE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theThreeArgumentSearchStillWorks() {
        EntityManager entityManager = bean(EntityManager.class);
        List<String> all = readTx(() ->
                SEARCH.search(entityManager, SearchCriteria.none(), PageRequest.first(100, List.of())).items().stream()
                        .map(SearchTestPerson::getUsername)
                        .toList());
        assertThat(all).hasSize(USERS).isSorted();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Predicate recent(CriteriaSearch.Where<SearchTestPerson> where, Filter filter) {
        var lastLogin = where.root().<Instant>get("lastLoginAt");
        Instant since = where.context().get(SINCE);
        return Boolean.TRUE.equals(filter.value())
                ? where.cb().greaterThanOrEqualTo(lastLogin, since)
                : where.cb().or(where.cb().isNull(lastLogin), where.cb().lessThan(lastLogin, since));
    }

    private static PageRequest request(int limit, String cursor, String sort, TotalCount count) {
        return new PageRequest(limit, cursor, null, QueryTerms.sort(SCHEMA, sort), count);
    }

    private Page<SearchTestPerson> search(
            SearchCriteria criteria,
            PageRequest request,
            CriteriaSearch.Scope<SearchTestPerson> scope,
            SearchContext context) {
        EntityManager entityManager = bean(EntityManager.class);
        return readTx(() -> SEARCH.search(entityManager, criteria, request, scope, context));
    }

    private List<SearchTestPerson> keysetAll(
            SearchCriteria criteria, String sort, int limit, CriteriaSearch.Scope<SearchTestPerson> scope) {
        List<SearchTestPerson> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<SearchTestPerson> page =
                    search(criteria, request(limit, cursor, sort, TotalCount.NONE), scope, SearchContext.empty());
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(new HashSet<>(names(items))).as("no row twice").hasSize(items.size());
        return items;
    }

    private static List<String> names(Page<SearchTestPerson> page) {
        return names(page.items());
    }

    private static List<String> names(List<?> items) {
        return items.stream()
                .map(item -> item instanceof Row row ? row.name() : ((SearchTestPerson) item).getUsername())
                .toList();
    }
}

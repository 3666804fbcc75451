package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.QueryTerms;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
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
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shape read plainly before runs its statement with the next call's values worked out without a criteria tree
 * (a preview). Each case below is one shape called with two sets of values: the second call builds no tree and
 * reads exactly the page a search that has never seen the shape reads through its tree. What only a tree can tell
 * (a bound scope's template, a context's own translator) keeps building one.
 */
class CriteriaSearchPreviewTest extends PostgresTest {
    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00.654321Z");
    private static final int USERS = 30;
    private static final Role[] ROLES = {Role.ADMIN, Role.USER, Role.MANAGER};

    private static final QuerySchema SCHEMA = QuerySchema.builder("people")
            .text("handle", true)
            .text("role", false)
            .comparable("logins", FieldType.INTEGER, true)
            .comparable("lastLogin", FieldType.INSTANT, true)
            .jsonObject("prefs")
            .field("active", FieldType.BOOLEAN, Set.of(FilterOperator.EQ), false)
            .defaultSort(SortOrder.asc("handle"))
            .build();

    private static final CriteriaSearch<SearchTestPerson> SEARCH = newSearch();

    private record Call(String filters, String q, String sort, CriteriaSearch.Scope<SearchTestPerson> scope) {}

    @BeforeAll
    void seed() {
        UserRepository users = bean(UserRepository.class);
        txRun(() -> {
            for (int i = 0; i < USERS; i++) {
                String name = String.format("v%02d", i);
                Instant lastLogin = i % 4 == 0 ? null : T0.plus(Duration.ofHours(i % 9));
                users.add(User.reconstitute(
                        UserId.newId(),
                        new Email(name + "@example.com"),
                        new Username(name),
                        null,
                        null,
                        ROLES[i % ROLES.length],
                        UserStatus.ACTIVE,
                        EmailVerification.NOT_VERIFIED,
                        null,
                        new LoginHistory(lastLogin, i % 7),
                        Tags.none(),
                        Map.of("theme", i % 2 == 0 ? "dark" : "light"),
                        new AuditStamp(0, T0, T0)));
            }
        });
    }

    /** One shape each: the first call of a pair teaches it, the second runs it from a preview. */
    static Stream<Arguments> shapes() {
        CriteriaSearch.Scope<SearchTestPerson> none = null;
        return Stream.of(
                pair(
                        "text eq",
                        new Call("role=eq.ADMIN", null, "handle", none),
                        new Call("role=eq.USER", null, "handle", none)),
                pair(
                        "integer comparisons",
                        new Call("logins=gt.2&logins=lte.5", null, "-logins", none),
                        new Call("logins=gt.0&logins=lte.3", null, "-logins", none)),
                pair(
                        "instant",
                        new Call("lastLogin=lt." + T0.plus(Duration.ofHours(3)), null, "lastLogin", none),
                        new Call("lastLogin=lt." + T0.plus(Duration.ofHours(6)), null, "lastLogin", none)),
                pair(
                        "is null",
                        new Call("lastLogin=is.null&logins=neq.0", null, "handle", none),
                        new Call("lastLogin=is.null&logins=neq.4", null, "handle", none)),
                pair(
                        "in of two",
                        new Call("role=in.(ADMIN,USER)", null, "handle", none),
                        new Call("role=in.(MANAGER,GUEST)", null, "handle", none)),
                pair(
                        "like and ilike",
                        new Call("handle=like.v0*&role=ilike.ad*", null, "handle", none),
                        new Call("handle=like.v1*&role=ilike.*er", null, "handle", none)),
                pair(
                        "json containment",
                        new Call("prefs=cs.{\"theme\":\"dark\"}", null, "handle", none),
                        new Call("prefs=cs.{\"theme\":\"light\"}", null, "handle", none)),
                pair("q", new Call("", "v0", "handle", none), new Call("", "V2", "handle", none)),
                pair(
                        "equal scope",
                        new Call("logins=gte.1", null, "handle", CriteriaSearch.Scope.equal("role", "ADMIN")),
                        new Call("logins=gte.3", null, "handle", CriteriaSearch.Scope.equal("role", "MANAGER"))),
                pair(
                        "equal-and-null scope",
                        new Call("", null, "-handle", CriteriaSearch.Scope.equalAndNull("role", "USER", "lastLoginAt")),
                        new Call(
                                "",
                                null,
                                "-handle",
                                CriteriaSearch.Scope.equalAndNull("role", "ADMIN", "lastLoginAt"))));
    }

    private static Arguments pair(String name, Call first, Call second) {
        return Arguments.of(name, first, second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aKnownShapeRunsFromAPreviewWithoutATree(String name, Call first, Call second) {
        page(SEARCH, first, null, 5);
        long trees = SEARCH.treesBuilt();
        Page<SearchTestPerson> previewed = page(SEARCH, second, null, 5);
        assertThat(SEARCH.treesBuilt()).as(name + ": no tree for a known shape").isEqualTo(trees);
        assertThat(names(previewed))
                .as(name)
                .isNotEmpty()
                .containsExactlyElementsOf(names(page(newSearch(), second, null, 5)));
    }

    @Test
    void cursorPagesRunFromPreviewsAndListEveryRowOnce() {
        // lastLogin is nullable: the cursor's null and non-null values are two shapes of the next page
        for (Role role : ROLES) {
            Call call = new Call("", null, "-lastLogin", CriteriaSearch.Scope.equal("role", role.name()));
            List<String> expected = all(newSearch(), call);
            assertThat(all(SEARCH, call))
                    .as(role.name())
                    .containsExactlyElementsOf(expected)
                    .hasSize(USERS / 3);
            long trees = SEARCH.treesBuilt();
            assertThat(all(SEARCH, call)).as(role.name()).containsExactlyElementsOf(expected);
            assertThat(SEARCH.treesBuilt())
                    .as(role.name() + ": every page previewed")
                    .isEqualTo(trees);
        }
    }

    @Test
    void whatOnlyATreeCanTellBuildsOneEveryTime() {
        CriteriaSearch<SearchTestPerson> search = CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .attribute("logins", "loginCount")
                .attribute("lastLogin", "lastLoginAt")
                .attribute("prefs", "preferences")
                .filter(
                        "active",
                        (where, filter) -> where.cb().isNotNull(where.root().get("lastLoginAt")))
                .build();
        CriteriaSearch.Scope<SearchTestPerson> bound =
                CriteriaSearch.Scope.of(String.class, "USER", CriteriaSearchPreviewTest::roleIs);
        for (Call call :
                List.of(new Call("", null, "handle", bound), new Call("active=eq.true", null, "handle", null))) {
            for (int i = 0; i < 3; i++) {
                long trees = search.treesBuilt();
                assertThat(names(page(search, call, null, 5))).isNotEmpty();
                assertThat(search.treesBuilt()).as(call + ", call " + (i + 1)).isEqualTo(trees + 1);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static CriteriaSearch<SearchTestPerson> newSearch() {
        return CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .attribute("logins", "loginCount")
                .attribute("lastLogin", "lastLoginAt")
                .attribute("prefs", "preferences")
                .nullable("lastLogin")
                .textContainsIgnoringCase("username")
                .filter(
                        "active",
                        (where, filter) -> where.cb().isNotNull(where.root().get("lastLoginAt")))
                .build();
    }

    private static Predicate roleIs(CriteriaSearch.Where<SearchTestPerson> where, Expression<String> role) {
        return where.cb().equal(where.root().get("role"), role);
    }

    private Page<SearchTestPerson> page(CriteriaSearch<SearchTestPerson> search, Call call, String cursor, int limit) {
        List<Filter> filters = new ArrayList<>();
        for (String term :
                call.filters().isEmpty() ? new String[0] : call.filters().split("&")) {
            String[] parts = term.split("=", 2);
            filters.add(QueryTerms.filter(SCHEMA, parts[0], parts[1]));
        }
        SearchCriteria criteria = new SearchCriteria(filters, call.q());
        PageRequest request =
                new PageRequest(limit, cursor, null, QueryTerms.sort(SCHEMA, call.sort()), TotalCount.NONE);
        EntityManager entityManager = bean(EntityManager.class);
        return readTx(() -> search.search(entityManager, criteria, request, call.scope(), SearchContext.empty()));
    }

    private List<String> all(CriteriaSearch<SearchTestPerson> search, Call call) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            Page<SearchTestPerson> page = page(search, call, cursor, 3);
            names.addAll(names(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        return names;
    }

    private static List<String> names(Page<SearchTestPerson> page) {
        return Arrays.asList(
                page.items().stream().map(SearchTestPerson::getUsername).toArray(String[]::new));
    }
}

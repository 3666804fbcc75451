package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.adapters.persistence.testing.QueryTerms;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.Tags;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a later context extends {@link CriteriaSearch}: attribute mapping, custom filters (JSON containment). */
class CriteriaSearchExtensionTest extends PostgresTest {
    private static final Instant T0 = Instant.parse("2026-01-15T10:20:30.123456Z");
    private static final QuerySchema SCHEMA = QuerySchema.builder("people")
            .text("handle", true)
            .field("theme", FieldType.TEXT, Set.of(FilterOperator.EQ), false)
            .defaultSort(SortOrder.asc("handle"))
            .build();

    private static final CriteriaSearch<SearchTestPerson> SEARCH = CriteriaSearch.builder(
                    SearchTestPerson.class, SCHEMA)
            .attribute("handle", "username")
            .filter(
                    "theme",
                    (cb, root, filter) -> cb.isTrue(cb.function(
                            PostgresFunctions.JSONB_CONTAINS,
                            Boolean.class,
                            root.get("preferences"),
                            cb.value("{\"theme\": " + quote((String) filter.value()) + "}"))))
            .build();

    @BeforeAll
    void seed() {
        UserRepository users = bean(UserRepository.class);
        txRun(() -> {
            users.add(withPreferences("dark1", Map.of("theme", "dark", "size", 1)));
            users.add(withPreferences("dark2", Map.of("theme", "dark")));
            users.add(withPreferences("light", Map.of("theme", "light")));
            users.add(withPreferences("quote", Map.of("theme", "a\"b")));
        });
    }

    @Test
    void customTranslatorsAndMappedAttributes() {
        EntityManager entityManager = bean(EntityManager.class);
        List<String> dark = readTx(() -> SEARCH
                .search(
                        entityManager,
                        new SearchCriteria(List.of(QueryTerms.filter(SCHEMA, "theme", "eq.dark")), null),
                        PageRequest.first(10, List.of()))
                .items()
                .stream()
                .map(SearchTestPerson::getUsername)
                .toList());
        assertThat(dark).containsExactly("dark1", "dark2");
        List<String> quoted = readTx(() -> SEARCH
                .search(
                        entityManager,
                        new SearchCriteria(List.of(QueryTerms.filter(SCHEMA, "theme", "eq.a\"b")), null),
                        PageRequest.first(10, List.of()))
                .items()
                .stream()
                .map(SearchTestPerson::getUsername)
                .toList());
        assertThat(quoted).containsExactly("quote");
        assertThatThrownBy(() -> readTx(() -> SEARCH.search(
                        entityManager, new SearchCriteria(List.of(), "x"), PageRequest.first(10, List.of()))))
                .hasMessageContaining("q");
    }

    @Test
    void aBoundTranslatorIsTranslatedOncePerShape() {
        QuerySchema schema = QuerySchema.builder("people")
                .text("handle", true)
                .field("theme", FieldType.TEXT, Set.of(FilterOperator.EQ), false)
                .field("dark", FieldType.BOOLEAN, Set.of(FilterOperator.EQ), false)
                .defaultSort(SortOrder.asc("handle"))
                .build();
        CriteriaSearch<SearchTestPerson> search = CriteriaSearch.builder(SearchTestPerson.class, schema)
                .attribute("handle", "username")
                .boundFilter("theme", (where, filter) -> themeIs(where, (String) filter.value()))
                // the tree follows the value (NOT or not), with the same one parameter either way
                .boundFilter(
                        "dark",
                        (where, filter) -> Boolean.TRUE.equals(filter.value())
                                ? themeIs(where, "dark")
                                : where.cb().not(themeIs(where, "dark")))
                .build();
        Function<String, List<String>> matching = filter -> names(search, schema, filter);
        assertThat(matching.apply("theme=eq.dark")).containsExactly("dark1", "dark2");
        assertThat(matching.apply("dark=eq.true")).containsExactly("dark1", "dark2");
        assertThat(search.translations()).isEqualTo(2);
        assertThat(matching.apply("theme=eq.light")).containsExactly("light");
        assertThat(matching.apply("theme=eq.a\"b")).containsExactly("quote");
        assertThat(matching.apply("dark=eq.true")).containsExactly("dark1", "dark2");
        assertThat(search.translations())
                .as("other values run their shape's translated statement")
                .isEqualTo(2);

        // the other choice is another shape: translated once, and never answered with the first one's statement
        assertThat(matching.apply("dark=eq.false")).containsExactly("light", "quote");
        assertThat(matching.apply("dark=eq.true")).containsExactly("dark1", "dark2");
        assertThat(matching.apply("dark=eq.false")).containsExactly("light", "quote");
        assertThat(search.translations()).isEqualTo(3);
        assertThat(matching.apply("theme=eq.dark")).containsExactly("dark1", "dark2");
        assertThat(search.translations()).isEqualTo(3);
    }

    @Test
    void aBoundTranslatorThatGivesAValueToTheBuilderIsTranslatedForEachCall() {
        CriteriaSearch<SearchTestPerson> search = CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .boundFilter(
                        "theme",
                        (where, filter) -> where.cb()
                                .isTrue(where.cb()
                                        .function(
                                                PostgresFunctions.JSONB_CONTAINS,
                                                Boolean.class,
                                                where.root().get("preferences"),
                                                where.cb()
                                                        .value("{\"theme\": " + quote((String) filter.value()) + "}"))))
                .build();
        // cb.value puts the value into the tree: a kept tree would answer every later call with the first value
        assertThat(names(search, SCHEMA, "theme=eq.dark")).containsExactly("dark1", "dark2");
        assertThat(names(search, SCHEMA, "theme=eq.light")).containsExactly("light");
        assertThat(names(search, SCHEMA, "theme=eq.dark")).containsExactly("dark1", "dark2");
        assertThat(search.translations()).isEqualTo(3);
        // and a translator's own (not bound) keeps translating each call, as before
        assertThat(names(SEARCH, SCHEMA, "theme=eq.light")).containsExactly("light");
        assertThat(names(SEARCH, SCHEMA, "theme=eq.dark")).containsExactly("dark1", "dark2");
        assertThat(SEARCH.translations()).isGreaterThanOrEqualTo(2);

        // once a shape is kept, a later call of it whose tree holds a value given to cb (here for one value only,
        // with as many parameters as the kept tree) runs its own tree, not the kept statement with its values
        CriteriaSearch<SearchTestPerson> sometimes = CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .boundFilter(
                        "theme",
                        (where, filter) -> "light".equals(filter.value())
                                ? where.cb()
                                        .and(
                                                themeIs(where, "light"),
                                                where.cb()
                                                        .equal(
                                                                where.root().get("username"),
                                                                where.cb().value("nobody")))
                                : themeIs(where, (String) filter.value()))
                .build();
        assertThat(names(sometimes, SCHEMA, "theme=eq.dark")).containsExactly("dark1", "dark2");
        assertThat(names(sometimes, SCHEMA, "theme=eq.light")).isEmpty();
        assertThat(names(sometimes, SCHEMA, "theme=eq.dark")).containsExactly("dark1", "dark2");

        String captured = "dark";
        assertThatThrownBy(() -> CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                        .boundFilter("theme", (where, filter) -> themeIs(where, captured)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capture nothing");
    }

    private List<String> names(CriteriaSearch<SearchTestPerson> search, QuerySchema schema, String filter) {
        EntityManager entityManager = bean(EntityManager.class);
        String[] parts = filter.split("=", 2);
        return readTx(() -> search
                .search(
                        entityManager,
                        new SearchCriteria(List.of(QueryTerms.filter(schema, parts[0], parts[1])), null),
                        PageRequest.first(10, List.of()))
                .items()
                .stream()
                .map(SearchTestPerson::getUsername)
                .toList());
    }

    /** {@code preferences @> {"theme": theme}}, the JSON bound as a parameter. */
    private static jakarta.persistence.criteria.Predicate themeIs(
            CriteriaSearch.Where<SearchTestPerson> where, String theme) {
        return where.cb()
                .isTrue(where.cb()
                        .function(
                                PostgresFunctions.JSONB_CONTAINS,
                                Boolean.class,
                                where.root().get("preferences"),
                                where.parameters().bind(String.class, "{\"theme\": " + quote(theme) + "}")));
    }

    @Test
    void thePlatformsTextMatcherBindsTheTextSoEveryTextIsOneShape() {
        CriteriaSearch<SearchTestPerson> search = CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .filter("theme", (where, filter) -> where.cb().conjunction())
                .textContainsIgnoringCase("username")
                .build();
        EntityManager entityManager = bean(EntityManager.class);
        Function<String, List<String>> matching =
                q -> readTx(() -> search
                        .search(entityManager, new SearchCriteria(List.of(), q), PageRequest.first(10, List.of()))
                        .items()
                        .stream()
                        .map(SearchTestPerson::getUsername)
                        .toList());
        assertThat(matching.apply("ARK")).containsExactly("dark1", "dark2");
        statistics().clear();
        assertThat(matching.apply("igh")).containsExactly("light");
        assertThat(matching.apply("%")).as("the client's wildcards are literal").isEmpty();
        assertThat(statistics().getQueryExecutionCount())
                .as("other texts run the shape's translated statement, not a query of their own")
                .isZero();
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(2);

        CriteriaSearch<SearchTestPerson> broken = CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .filter("theme", (where, filter) -> where.cb().conjunction())
                .textContains("nothing", "loginCount")
                .build();
        assertThatThrownBy(() -> readTx(
                        () -> broken.search(entityManager, SearchCriteria.none(), PageRequest.first(10, List.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("q -> nothing: no such attribute")
                .hasMessageContaining("q -> loginCount: not a text attribute");
    }

    @Test
    void csOnAJsonObjectFieldIsContainment() {
        QuerySchema schema = QuerySchema.builder("people")
                .text("handle", true)
                .jsonObject("preferences")
                .defaultSort(SortOrder.asc("handle"))
                .build();
        CriteriaSearch<SearchTestPerson> search = CriteriaSearch.builder(SearchTestPerson.class, schema)
                .attribute("handle", "username")
                .build();
        EntityManager entityManager = bean(EntityManager.class);
        java.util.function.Function<String, List<String>> matching = json -> readTx(() -> search
                .search(
                        entityManager,
                        new SearchCriteria(List.of(QueryTerms.filter(schema, "preferences", "cs." + json)), null),
                        PageRequest.first(10, List.of()))
                .items()
                .stream()
                .map(SearchTestPerson::getUsername)
                .toList());
        assertThat(matching.apply("{\"theme\":\"dark\"}")).containsExactly("dark1", "dark2");
        assertThat(matching.apply("{\"theme\":\"dark\",\"size\":1}")).containsExactly("dark1");
        assertThat(matching.apply("{}")).contains("dark1", "dark2", "light", "quote");
        assertThat(matching.apply("{\"theme\":\"a\\\"b\"}")).containsExactly("quote");
    }

    @Test
    void aSchemaFieldWithoutAttributeFailsFast() {
        CriteriaSearch<SearchTestPerson> broken =
                CriteriaSearch.builder(SearchTestPerson.class, SCHEMA).build();
        assertThatThrownBy(() -> readTx(() -> broken.search(
                        bean(EntityManager.class), SearchCriteria.none(), PageRequest.first(10, List.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handle")
                .hasMessageContaining("theme");
        assertThatThrownBy(() ->
                        CriteriaSearch.builder(SearchTestPerson.class, SCHEMA).attribute("nope", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        // a collection read apart must be one of the entity's collections (a basic column is not)
        CriteriaSearch<SearchTestPerson> notACollection = CriteriaSearch.builder(SearchTestPerson.class, SCHEMA)
                .attribute("handle", "username")
                .filter("theme", (where, filter) -> where.cb().conjunction())
                .readApart("username", "nothing")
                .build();
        assertThatThrownBy(() -> readTx(() -> notACollection.search(
                        bean(EntityManager.class), SearchCriteria.none(), PageRequest.first(10, List.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readApart username")
                .hasMessageContaining("readApart nothing");
    }

    private static User withPreferences(String name, Map<String, Object> preferences) {
        return User.reconstitute(
                io.strata.domain.shared.user.UserId.newId(),
                new io.strata.domain.identity.Email(name + "@example.com"),
                new io.strata.domain.identity.Username(name),
                null,
                null,
                Role.USER,
                UserStatus.ACTIVE,
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                Tags.none(),
                preferences,
                new AuditStamp(0, T0, T0));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

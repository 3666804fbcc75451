package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.identity.UserSearch;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.query.TotalCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    private static ListQuery parse(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return ListQuery.parse(params, UserSearch.SCHEMA, Set.of("include"));
    }

    private static List<ValidationException.FieldError> errors(String... pairs) {
        try {
            parse(pairs);
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void defaultsToKeysetPagingWithTheSchemasDefaultSortAndNoFilters() {
        ListQuery query = parse();
        assertThat(query.page().limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(query.page().cursor()).isNull();
        assertThat(query.page().offset()).isNull();
        assertThat(query.page().isKeyset()).isTrue();
        assertThat(query.page().total()).isEqualTo(TotalCount.NONE);
        assertThat(query.page().sort()).containsExactly(SortOrder.desc("createdAt"));
        assertThat(query.criteria().filters()).isEmpty();
        assertThat(query.criteria().text()).isNull();
    }

    @Test
    void readsLimitCursorCountSortAndText() {
        ListQuery query = parse(
                "limit", "10", "cursor", "abc", "count", "EXACT", "sort", "-lastLoginAt,username", "q", "  ada  ");
        assertThat(query.page().limit()).isEqualTo(10);
        assertThat(query.page().cursor()).isEqualTo("abc");
        assertThat(query.page().total()).isEqualTo(TotalCount.EXACT);
        assertThat(query.page().sort()).containsExactly(SortOrder.desc("lastLoginAt"), SortOrder.asc("username"));
        assertThat(query.criteria().text()).isEqualTo("ada");
        assertThat(parse("count", "estimated").page().total()).isEqualTo(TotalCount.ESTIMATED);
    }

    @Test
    void limitMustBeAnIntegerFrom1To200() {
        assertThat(parse("limit", "1").page().limit()).isEqualTo(1);
        assertThat(parse("limit", "200").page().limit()).isEqualTo(200);
        // other scripts' digits ("١٠" is 10 to Integer.parseInt) and signs are no limit of this API
        for (String bad : List.of("0", "201", "-1", "ten", "", "1.5", "+5", "١٠", "２")) {
            assertThat(errors("limit", bad)).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("limit");
                assertThat(e.message()).contains("from 1 to 200");
            });
        }
    }

    @Test
    void pageAndSizeSwitchToOffsetPaging() {
        ListQuery query = parse("page", "3", "size", "20");
        assertThat(query.page().isKeyset()).isFalse();
        assertThat(query.page().offset()).isEqualTo(40);
        assertThat(query.page().limit()).isEqualTo(20);
        assertThat(parse("page", "2").page().offset()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(parse("page", "2", "limit", "10").page().offset()).isEqualTo(10);
        assertThat(parse("size", "5").page().offset()).isZero();
    }

    @Test
    void offsetPagingRejectsBadPagesCursorsAndConflictingSizes() {
        assertThat(errors("page", "0"))
                .extracting(ValidationException.FieldError::field)
                .containsExactly("page");
        assertThat(errors("size", "500"))
                .extracting(ValidationException.FieldError::field)
                .containsExactly("size");
        assertThat(errors("page", "2", "cursor", "abc"))
                .extracting(ValidationException.FieldError::field)
                .containsExactly("cursor");
        assertThat(errors("limit", "10", "size", "20"))
                .extracting(ValidationException.FieldError::field)
                .containsExactly("size");
    }

    @Test
    void countMustBeExactOrEstimated() {
        assertThat(errors("count", "maybe"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("exact or estimated"));
    }

    @Test
    void everyOtherParameterIsATypedFilter() {
        ListQuery query = parse(
                "status",
                "eq.ACTIVE",
                "createdAt",
                "gte.2026-01-01T00:00:00Z",
                "createdAt",
                "lt.2026-02-01T00:00:00Z",
                "tags",
                "cs.a,b",
                "include",
                "profile");
        assertThat(query.criteria().filters())
                .containsExactly(
                        new Filter("status", FilterOperator.EQ, List.of(UserStatus.ACTIVE)),
                        new Filter("createdAt", FilterOperator.GTE, List.of(Instant.parse("2026-01-01T00:00:00Z"))),
                        new Filter("createdAt", FilterOperator.LT, List.of(Instant.parse("2026-02-01T00:00:00Z"))),
                        new Filter("tags", FilterOperator.CS, List.of("a", "b")));
    }

    @Test
    void unknownFieldsOperatorsAndSortKeysNameWhatIsAllowed() {
        assertThat(errors("passwordHash", "eq.x")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("passwordHash");
            assertThat(e.message())
                    .contains("unknown filter field")
                    .contains("allowed:")
                    .contains("username");
        });
        assertThat(errors("status", "gt.ACTIVE"))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("operator 'gt' is not allowed")
                        .contains("eq"));
        assertThat(errors("sort", "passwordHash")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("sort");
            assertThat(e.message()).contains("allowed: createdAt, email, lastLoginAt, username");
        });
        assertThat(errors("createdAt", "gte.yesterday"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("ISO-8601"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(errors("limit", "0", "nope", "eq.1", "sort", "x", "count", "all"))
                .extracting(ValidationException.FieldError::field)
                .containsExactlyInAnyOrder("limit", "nope", "sort", "count");
    }

    @Test
    void reservedSingleValuedParametersMayNotRepeatAndTextIsBounded() {
        assertThat(errors("limit", "1", "limit", "2"))
                .extracting(ValidationException.FieldError::field)
                .contains("limit");
        assertThat(errors("q", "x".repeat(ListQuery.MAX_Q_LENGTH + 1)))
                .extracting(ValidationException.FieldError::field)
                .containsExactly("q");
        assertThat(errors("q", "a\u0000b"))
                .extracting(ValidationException.FieldError::field)
                .containsExactly("q");
        assertThat(errors("email", "eq.a\u0000b", "createdAt", "gte.+1000000000-01-01T00:00:00Z"))
                .extracting(ValidationException.FieldError::field)
                .containsExactlyInAnyOrder("email", "createdAt");
    }
}

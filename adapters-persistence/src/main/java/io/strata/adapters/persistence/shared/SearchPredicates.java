package io.strata.adapters.persistence.shared;

import io.strata.adapters.persistence.shared.CriteriaSearch.ContextualFilterTranslator;
import io.strata.adapters.persistence.shared.CriteriaSearch.ContextualTextMatcher;
import io.strata.adapters.persistence.shared.CriteriaSearch.Scope;
import io.strata.adapters.persistence.shared.CriteriaSearch.Where;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SearchCriteria;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * The WHERE part of a {@link CriteriaSearch}: the call's scope, each allow-listed {@link Filter} as a JPA
 * Criteria predicate (standard operators, or the field's own translator), and {@code q} through the text
 * matcher. Every value is a bound parameter, converted to the attribute's Java type.
 *
 * @param <E> the JPA entity
 */
final class SearchPredicates<E> {
    private final QuerySchema schema;
    private final UnaryOperator<String> attribute;
    private final Map<String, ContextualFilterTranslator<E>> translators;
    /** The fields whose translator is bound ({@link CriteriaSearch.Builder#boundFilter}): their calls keep a shape. */
    private final Set<String> bound;

    private final ContextualTextMatcher<E> textMatcher;

    SearchPredicates(
            QuerySchema schema,
            UnaryOperator<String> attribute,
            Map<String, ContextualFilterTranslator<E>> translators,
            Set<String> bound,
            ContextualTextMatcher<E> textMatcher) {
        this.schema = schema;
        this.attribute = attribute;
        this.translators = Map.copyOf(translators);
        this.bound = Set.copyOf(bound);
        this.textMatcher = textMatcher;
    }

    /** The scope, then the client's filters and {@code q}, for the statement of {@code clause}. */
    List<Predicate> of(Where<E> clause, Scope<E> scope, SearchCriteria criteria) {
        List<Predicate> where = new ArrayList<>();
        SearchParameters parameters = clause.parameters();
        String scopeShape = scopeShape(scope);
        if (scopeShape == null) {
            parameters.notCacheable(); // a context's own scope may put values into the tree
        } else {
            parameters.shape(scopeShape);
        }
        if (scope != null) {
            where.add(Objects.requireNonNull(scope.restrict(clause), "scope predicate"));
        }
        for (Filter filter : criteria.filters()) {
            where.add(predicate(clause, filter));
        }
        if (criteria.text() != null) {
            if (textMatcher == null) {
                throw new ValidationException("q", schema.resource() + " cannot be searched by text");
            }
            if (textMatcher instanceof CriteriaSearch.ContainsText<E> contains) {
                parameters.shape(textShape(contains)); // the text is bound: the same tree for every text
            } else {
                parameters.notCacheable(); // a context's own matcher may put the text into the tree
            }
            where.add(textMatcher.match(clause, criteria.text()));
        }
        return where;
    }

    /**
     * Records into {@code call} the shape and the values {@link #of} would give the same scope and criteria, without
     * building a tree: the attributes' Java types come from {@code javaTypes}. False when only the tree can tell (a
     * scope, filter translator or text matcher of a context's own, a bound scope's template, which may bind more) or
     * the criteria are invalid ({@link #of} says why). {@link CriteriaSearch} trusts a preview only for a shape whose
     * first call previewed to exactly what its tree bound.
     */
    boolean preview(
            SearchParameters call, Scope<E> scope, SearchCriteria criteria, Function<String, Class<?>> javaTypes) {
        String scopeShape = scopeShape(scope);
        if (scopeShape == null || scope instanceof Scope.Bound<E, ?>) {
            return false;
        }
        call.shape(scopeShape);
        if (scope instanceof Scope.Equal<E> equal) {
            call.value(equal.bound(javaTypes.apply(equal.attribute())));
        }
        for (Filter filter : criteria.filters()) {
            QueryField field = schema.field(filter.field());
            if (field == null
                    || !field.operators().contains(filter.operator())
                    || translators.containsKey(filter.field())) {
                return false;
            }
            call.shape(filterShape(filter));
            try {
                filterValues(field, filter, javaTypes.apply(attribute.apply(filter.field())))
                        .forEach(call::value);
            } catch (RuntimeException e) {
                return false; // a value out of the attribute's range: the tree's path says so
            }
        }
        if (criteria.text() != null) {
            if (!(textMatcher instanceof CriteriaSearch.ContainsText<E> contains)) {
                return false;
            }
            call.shape(textShape(contains));
            call.value(LikePatterns.containsPattern(criteria.text()));
        }
        return true;
    }

    /** The scope's part of the shape; null when the scope is a context's own (it may put values into the tree). */
    private static String scopeShape(Scope<?> scope) {
        if (scope == null) {
            return "scope:none";
        }
        if (scope instanceof Scope.Equal<?> equal) {
            return "scope:" + equal.attribute() + equal.nullAttributes();
        }
        if (scope instanceof Scope.Bound<?, ?> bound) {
            return "scope:" + bound.template().getClass().getName();
        }
        return null;
    }

    private static String textShape(CriteriaSearch.ContainsText<?> contains) {
        return "q:" + contains;
    }

    /** A standard filter's part of the shape: everything but its values (IN's arity and IS's value change the SQL). */
    private static String filterShape(Filter filter) {
        return filter.field() + ":" + filter.operator()
                + switch (filter.operator()) {
                    case IN -> ":" + filter.values().size();
                    case IS -> ":" + filter.value();
                    default -> "";
                };
    }

    /**
     * A bound translator's part of the shape: what its tree may follow besides bound values, the operator, the number
     * of values and each value that is a boolean or an enum ({@code is} values too), whose few choices may each build
     * another tree; other values stand as {@code ?}.
     */
    private static String boundFilterShape(Filter filter) {
        StringBuilder shape =
                new StringBuilder("own:").append(filter.field()).append(':').append(filter.operator());
        for (Object value : filter.values()) {
            shape.append(':').append(value instanceof Boolean || value instanceof Enum<?> ? value : "?");
        }
        return shape.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate predicate(Where<E> clause, Filter filter) {
        HibernateCriteriaBuilder cb = clause.cb();
        Root<E> root = clause.root();
        QueryField field = schema.field(filter.field());
        if (field == null || !field.operators().contains(filter.operator())) {
            throw new ValidationException(
                    filter.field(),
                    "cannot filter " + schema.resource() + " by " + filter.field() + " with "
                            + filter.operator().name().toLowerCase(Locale.ROOT));
        }
        ContextualFilterTranslator<E> custom = translators.get(filter.field());
        if (custom != null) {
            if (bound.contains(filter.field())) {
                // its tree follows the operator, the arity and its boolean or enum values; the rest is bound (checked)
                clause.parameters().shape(boundFilterShape(filter));
                clause.parameters().verifyTree();
            } else {
                clause.parameters().notCacheable(); // a context's translator may put values into the tree
            }
            return custom.translate(clause, filter);
        }
        Path<?> path = CriteriaSearch.path(root, attribute.apply(filter.field()));
        try {
            return standard(cb, clause.parameters(), path, field, filter);
        } catch (ArithmeticException e) {
            // a number the allow-list reads as a long but the attribute holds as an int (or short)
            throw new ValidationException(filter.field(), "is out of range for " + filter.field());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate standard(
            HibernateCriteriaBuilder cb, SearchParameters parameters, Path<?> path, QueryField field, Filter filter) {
        Expression comparable = path;
        parameters.shape(filterShape(filter));
        List<Object> values = filterValues(field, filter, path.getJavaType());
        return switch (filter.operator()) {
            case EQ -> cb.equal(path, parameters.bind(comparable, values.get(0)));
            case NEQ -> cb.notEqual(path, parameters.bind(comparable, values.get(0)));
            case GT -> cb.greaterThan(comparable, parameters.bind(comparable, (Comparable) values.get(0)));
            case GTE -> cb.greaterThanOrEqualTo(comparable, parameters.bind(comparable, (Comparable) values.get(0)));
            case LT -> cb.lessThan(comparable, parameters.bind(comparable, (Comparable) values.get(0)));
            case LTE -> cb.lessThanOrEqualTo(comparable, parameters.bind(comparable, (Comparable) values.get(0)));
            case LIKE ->
                cb.like(
                        (Expression<String>) path,
                        parameters.bind(String.class, (String) values.get(0)),
                        LikePatterns.ESCAPE);
            case ILIKE ->
                cb.ilike(
                        (Expression<String>) path,
                        parameters.bind(String.class, (String) values.get(0)),
                        LikePatterns.ESCAPE);
            case IN ->
                path.in(values.stream().map(v -> parameters.bind(comparable, v)).toArray(Expression[]::new));
            case IS ->
                switch ((Filter.IsValue) filter.value()) {
                    case NULL -> cb.isNull(path);
                    case NOT_NULL -> cb.isNotNull(path);
                    case TRUE -> cb.isTrue((Expression<Boolean>) path);
                    case FALSE -> cb.isFalse((Expression<Boolean>) path);
                };
            case CS ->
                field.type() == FieldType.JSON_OBJECT
                        // PostgreSQL: config @> cast(? as jsonb), served by a GIN index on the jsonb column
                        ? cb.isTrue(cb.function(
                                PostgresFunctions.JSONB_CONTAINS,
                                Boolean.class,
                                path,
                                parameters.bind(String.class, (String) values.get(0))))
                        // PostgreSQL: tags @> cast(? as text[]), served by a GIN index on the array column
                        : cb.isTrue(cb.function(
                                PostgresFunctions.TEXT_ARRAY_CONTAINS_ALL,
                                Boolean.class,
                                path,
                                parameters.bind(String[].class, (String[]) values.get(0))));
        };
    }

    /**
     * The values a standard filter binds, in order, converted to the Java type of its attribute ({@code javaType}):
     * one for a comparison, a LIKE pattern or a containment, one per value for IN, none for IS.
     */
    private static List<Object> filterValues(QueryField field, Filter filter, Class<?> javaType) {
        Class<?> type = wrapper(javaType);
        return switch (filter.operator()) {
            case EQ, NEQ, GT, GTE, LT, LTE -> Collections.singletonList(coerce(filter.value(), type));
            case LIKE, ILIKE -> List.of(LikePatterns.wildcardPattern((String) filter.value()));
            case IN -> {
                List<Object> all = new ArrayList<>(filter.values().size());
                for (Object value : filter.values()) {
                    all.add(coerce(value, type));
                }
                yield all;
            }
            case IS -> List.of();
            case CS -> {
                if (field.type() == FieldType.JSON_OBJECT) {
                    yield List.of((String) filter.value());
                }
                if (field.type() != FieldType.TEXT_SET || !javaType.isArray()) {
                    throw new IllegalStateException(
                            "cs on " + field.name() + " needs a text[] attribute or a FilterTranslator");
                }
                yield List.of((Object)
                        filter.values().stream().map(String.class::cast).toArray(String[]::new));
            }
        };
    }

    /** Converts a schema-typed value (Long, Instant, enum, ...) to the attribute's Java type where they differ. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object coerce(Object value, Class<?> type) {
        if (value == null
                || type.isInstance(value)
                || type.isPrimitive()
                        && !(value instanceof Enum<?>)
                        && wrapper(type).isInstance(value)) {
            return value;
        }
        Class<?> target = type.isPrimitive() ? wrapper(type) : type;
        if (value instanceof Enum<?> e && target == String.class) {
            return e.name();
        }
        if (value instanceof String s && target.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) target, s);
        }
        if (value instanceof Enum<?> e && target.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) target, e.name());
        }
        if (value instanceof Long l) {
            if (target == Integer.class) {
                return Math.toIntExact(l);
            }
            if (target == Short.class) {
                return (short) Math.toIntExact(l);
            }
            if (target == BigDecimal.class) {
                return BigDecimal.valueOf(l);
            }
        }
        if (value instanceof Instant i && target == OffsetDateTime.class) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (target == String.class) {
            return value.toString();
        }
        throw new IllegalStateException("cannot compare a " + value.getClass().getSimpleName() + " with a "
                + type.getSimpleName() + " attribute");
    }

    static Class<?> wrapper(Class<?> primitive) {
        if (!primitive.isPrimitive()) {
            return primitive;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        return primitive;
    }
}

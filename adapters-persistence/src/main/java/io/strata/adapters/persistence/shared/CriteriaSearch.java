package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.query.TotalCount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaExpression;

/**
 * Lists the rows of one entity for a domain {@link QuerySchema}: typed {@link Filter}s and {@code q}
 * become JPA Criteria predicates (every value a bound parameter), {@link PageRequest} becomes keyset
 * (default) or offset paging with a total on request. One statement per page, plus one for the total.
 *
 * <pre>{@code
 * private static final CriteriaSearch<ProjectJpaEntity> SEARCH = CriteriaSearch
 *         .builder(ProjectJpaEntity.class, ProjectSearch.SCHEMA)  // fields map to same-named attributes
 *         .attribute("owner", "ownerId")                           // ... unless mapped here
 *         .nullable("dueDate")                                     // nullable sort keys: nulls last
 *         .text((cb, root, q) -> cb.like(root.get("searchText"), CriteriaSearch.containsPattern(q), '\\'))
 *         .build();
 * Page<Project> page = SEARCH.search(entityManager, criteria, pageRequest).map(mapper::toDomain);
 * }</pre>
 *
 * <p>A call may add a {@link Scope}: a fixed predicate (what the caller may see: a project's tasks, the
 * projects a user is a member of) that is ANDed to the client's filters in the page, the count and the
 * estimate, and that sees the query, so it can correlate an {@code EXISTS} subquery. Translators that
 * need per-call values (a {@code today}) read them from the call's {@link SearchContext}, so the search
 * stays a constant:
 *
 * <pre>{@code
 * static final SearchContext.Key<LocalDate> TODAY = SearchContext.key("today", LocalDate.class);
 * static final CriteriaSearch<TaskJpaEntity> SEARCH = CriteriaSearch.builder(TaskJpaEntity.class, TaskSearch.SCHEMA)
 *         .filter("overdue", (where, filter) -> overdue(where.cb(), where.root(), filter, where.context().get(TODAY)))
 *         .build();
 * Page<TaskJpaEntity> rows = SEARCH.search(entityManager, criteria, page,
 *         CriteriaSearch.Scope.equal("projectId", projectId.value()), SearchContext.of(TODAY, today));
 * }</pre>
 *
 * <p>Order: the requested sort (or the schema's default), then the id in the direction of the last
 * key, so the order is total and every row is returned exactly once. Sort keys must be NOT NULL
 * columns unless declared {@link Builder#nullable nullable}: those sort their nulls last in both
 * directions ({@code NULLS LAST}) and the keyset predicate handles null cursor values. Plain keys
 * render without a NULLS clause, so a {@code (column, id)} index serves both directions.
 *
 * <p>The cursor ({@link KeysetCursor}) is the last row's sort values and id, bound to the resource
 * and the sort; it is returned only when more rows exist (the query reads {@code limit + 1}).
 * Offset pages return a cursor too, which continues after the page with keyset paging.
 *
 * @param <E> the JPA entity
 */
public final class CriteriaSearch<E> {
    private static final char ESCAPE = '\\';
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    /** Builds the predicate for the free-text {@code q} of a resource. */
    @FunctionalInterface
    public interface TextMatcher<E> {
        Predicate match(HibernateCriteriaBuilder cb, Root<E> root, String text);
    }

    /** Builds the predicate for one filter of a field that needs more than the standard operators. */
    @FunctionalInterface
    public interface FilterTranslator<E> {
        Predicate translate(HibernateCriteriaBuilder cb, Root<E> root, Filter filter);
    }

    /**
     * Where a predicate is built: the criteria builder, the root and the query of one statement of one
     * call (the page, the count or the estimate: a scope or translator is applied to each), and the
     * call's {@link SearchContext}. {@code query} is there for subqueries: {@code query.subquery(...)}
     * with {@code correlate(root)} gives a correlated {@code EXISTS}.
     */
    public record Where<E>(HibernateCriteriaBuilder cb, Root<E> root, CriteriaQuery<?> query, SearchContext context) {
    }

    /** {@link TextMatcher} that also sees the query and the call's {@link SearchContext}. */
    @FunctionalInterface
    public interface ContextualTextMatcher<E> {
        Predicate match(Where<E> where, String text);
    }

    /** {@link FilterTranslator} that also sees the query and the call's {@link SearchContext}. */
    @FunctionalInterface
    public interface ContextualFilterTranslator<E> {
        Predicate translate(Where<E> where, Filter filter);
    }

    /**
     * The fixed part of one call's condition (what the caller may see), ANDed to the client's filters
     * in the page, the count and the estimate. It is not part of the cursor: a cursor stays valid for
     * the same sort, and is meant to be used with the same scope. Values are bound as parameters.
     */
    @FunctionalInterface
    public interface Scope<E> {
        Predicate restrict(Where<E> where);

        /** {@code attribute = value} ({@code a.b} for embeddables), the value bound as a parameter. */
        static <E> Scope<E> equal(String attribute, Object value) {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
            return where -> where.cb().equal(path(where.root(), attribute), value);
        }
    }

    private final Class<E> entityClass;
    private final QuerySchema schema;
    private final Map<String, String> attributes;
    private final Set<String> nullable;
    private final String idAttribute;
    private final ContextualTextMatcher<E> textMatcher;
    private final Map<String, ContextualFilterTranslator<E>> translators;
    private final String table;
    private volatile boolean validated;

    private CriteriaSearch(Builder<E> builder) {
        this.entityClass = builder.entityClass;
        this.schema = builder.schema;
        this.attributes = Map.copyOf(builder.attributes);
        this.nullable = Set.copyOf(builder.nullable);
        this.idAttribute = builder.idAttribute;
        this.textMatcher = builder.textMatcher;
        this.translators = Map.copyOf(builder.translators);
        Table tableAnnotation = entityClass.getAnnotation(Table.class);
        this.table = tableAnnotation == null || tableAnnotation.name().isEmpty() ? null : tableAnnotation.name();
    }

    public static <E> Builder<E> builder(Class<E> entityClass, QuerySchema schema) {
        return new Builder<>(entityClass, schema);
    }

    /** Reads one page. Unknown fields, operators and sorts were rejected by the schema already. */
    public Page<E> search(EntityManager entityManager, SearchCriteria criteria, PageRequest page) {
        return search(entityManager, criteria, page, null, SearchContext.empty());
    }

    /** Reads one page, with per-call values for the translators. */
    public Page<E> search(EntityManager entityManager, SearchCriteria criteria, PageRequest page,
                          SearchContext context) {
        return search(entityManager, criteria, page, null, context);
    }

    /** Reads one page of the rows within {@code scope}. */
    public Page<E> search(EntityManager entityManager, SearchCriteria criteria, PageRequest page, Scope<E> scope) {
        return search(entityManager, criteria, page, scope, SearchContext.empty());
    }

    /**
     * Reads one page of the rows within {@code scope} (null: every row), the client's filters and
     * {@code q} translated with {@code context}. The total, if requested, counts within the scope too.
     */
    public Page<E> search(EntityManager entityManager, SearchCriteria criteria, PageRequest page, Scope<E> scope,
                          SearchContext context) {
        Objects.requireNonNull(context, "context");
        Session session = entityManager.unwrap(Session.class);
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        validate(cb);
        List<SortKey> keys = sortKeys(page.sort());
        String sortKey = schema.resource() + ":" + keys.stream().map(SortKey::toString).collect(Collectors.joining(","));

        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<E> root = query.from(entityClass);
        List<Selection<?>> selections = new ArrayList<>();
        selections.add(root);
        List<Path<?>> sortPaths = new ArrayList<>();
        for (SortKey key : keys) {
            Path<?> path = path(root, key.attribute);
            sortPaths.add(path);
            selections.add(path);
        }
        query.multiselect(selections);

        List<Predicate> where = predicates(new Where<>(cb, root, query, context), scope, criteria);
        if (page.isKeyset() && page.cursor() != null) {
            List<Class<?>> types = sortPaths.stream().<Class<?>>map(Path::getJavaType).toList();
            List<Object> after = KeysetCursor.decode(page.cursor(), sortKey, types);
            where.add(after(cb, keys, sortPaths, after));
        }
        query.where(where.toArray(Predicate[]::new));
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            orders.add(order(cb, keys.get(i), sortPaths.get(i)));
        }
        query.orderBy(orders);

        TypedQuery<Tuple> typed = session.createQuery(query).setMaxResults(page.limit() + 1);
        if (!page.isKeyset()) {
            typed.setFirstResult(page.offset());
        }
        List<Tuple> rows = typed.getResultList();
        boolean more = rows.size() > page.limit();
        List<Tuple> shown = more ? rows.subList(0, page.limit()) : rows;
        List<E> items = shown.stream().map(t -> t.get(0, entityClass)).toList();
        String next = null;
        if (more) {
            Tuple last = shown.get(shown.size() - 1);
            List<Object> values = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                values.add(last.get(i + 1));
            }
            next = KeysetCursor.encode(sortKey, values);
        }
        return new Page<>(items, next, total(session, cb, scope, context, criteria, page.total()), page.limit());
    }

    /** A LIKE pattern for "contains {@code text}" (lower-cased, wildcards escaped), with escape {@code '\'}. */
    public static String containsPattern(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /** A LIKE pattern from the filter grammar: {@code *} is the wildcard, {@code %} and {@code _} are literal. */
    public static String wildcardPattern(String pattern) {
        return escape(pattern).replace('*', '%');
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    // ---- filters ------------------------------------------------------------------------------

    /** The scope, then the client's filters and {@code q}, for the statement of {@code clause}. */
    private List<Predicate> predicates(Where<E> clause, Scope<E> scope, SearchCriteria criteria) {
        List<Predicate> where = new ArrayList<>();
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
            where.add(textMatcher.match(clause, criteria.text()));
        }
        return where;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate predicate(Where<E> clause, Filter filter) {
        HibernateCriteriaBuilder cb = clause.cb();
        Root<E> root = clause.root();
        QueryField field = schema.field(filter.field());
        if (field == null || !field.operators().contains(filter.operator())) {
            throw new ValidationException(filter.field(), "cannot filter " + schema.resource() + " by "
                    + filter.field() + " with " + filter.operator().name().toLowerCase(Locale.ROOT));
        }
        ContextualFilterTranslator<E> custom = translators.get(filter.field());
        if (custom != null) {
            return custom.translate(clause, filter);
        }
        Path<?> path = path(root, attribute(filter.field()));
        Class<?> type = path.getJavaType();
        Expression<Comparable> comparable = (Expression<Comparable>) path;
        return switch (filter.operator()) {
            case EQ -> cb.equal(path, coerce(filter.value(), type));
            case NEQ -> cb.notEqual(path, coerce(filter.value(), type));
            case GT -> cb.greaterThan(comparable, (Comparable) coerce(filter.value(), type));
            case GTE -> cb.greaterThanOrEqualTo(comparable, (Comparable) coerce(filter.value(), type));
            case LT -> cb.lessThan(comparable, (Comparable) coerce(filter.value(), type));
            case LTE -> cb.lessThanOrEqualTo(comparable, (Comparable) coerce(filter.value(), type));
            case LIKE -> cb.like((Expression<String>) path, wildcardPattern((String) filter.value()), ESCAPE);
            case ILIKE -> cb.ilike((Expression<String>) path, wildcardPattern((String) filter.value()), ESCAPE);
            case IN -> path.in(filter.values().stream().map(v -> coerce(v, type)).toList());
            case IS -> switch ((Filter.IsValue) filter.value()) {
                case NULL -> cb.isNull(path);
                case NOT_NULL -> cb.isNotNull(path);
                case TRUE -> cb.isTrue((Expression<Boolean>) path);
                case FALSE -> cb.isFalse((Expression<Boolean>) path);
            };
            case CS -> containsAll(cb, path, field, filter);
        };
    }

    @SuppressWarnings("unchecked")
    private Predicate containsAll(HibernateCriteriaBuilder cb, Path<?> path, QueryField field, Filter filter) {
        if (field.type() != FieldType.TEXT_SET || !path.getJavaType().isArray()) {
            throw new IllegalStateException("cs on " + field.name() + " needs a text[] attribute or a FilterTranslator");
        }
        String[] wanted = filter.values().stream().map(String.class::cast).toArray(String[]::new);
        // PostgreSQL: tags @> cast(? as text[]), served by a GIN index on the array column
        return cb.isTrue(cb.function(PostgresFunctions.TEXT_ARRAY_CONTAINS_ALL, Boolean.class, path, cb.value(wanted)));
    }

    /** Converts a schema-typed value (Long, Instant, enum, ...) to the attribute's Java type where they differ. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object coerce(Object value, Class<?> type) {
        if (value == null || type.isInstance(value) || type.isPrimitive() && !(value instanceof Enum<?>)
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

    private static Class<?> wrapper(Class<?> primitive) {
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

    // ---- order and keyset ---------------------------------------------------------------------

    private List<SortKey> sortKeys(List<SortOrder> requested) {
        List<SortOrder> sort = requested.isEmpty() ? schema.defaultSort() : requested;
        List<SortKey> keys = new ArrayList<>(sort.size() + 1);
        boolean idIncluded = false;
        for (SortOrder order : sort) {
            QueryField field = schema.field(order.field());
            if (field == null || !field.sortable()) {
                throw new ValidationException("sort", "cannot sort " + schema.resource() + " by '" + order.field()
                        + "'; allowed: " + String.join(", ", schema.sortableFields()));
            }
            String attribute = attribute(order.field());
            idIncluded |= attribute.equals(idAttribute);
            keys.add(new SortKey(order.field(), attribute, order.descending(), nullable.contains(order.field())));
        }
        if (!idIncluded) {
            boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).descending;
            keys.add(new SortKey("id", idAttribute, descending, false));
        }
        return keys;
    }

    private static Order order(HibernateCriteriaBuilder cb, SortKey key, Path<?> path) {
        if (key.nullable) {
            return key.descending ? cb.desc(path, false) : cb.asc(path, false);
        }
        return key.descending ? cb.desc(path) : cb.asc(path);
    }

    /**
     * Rows strictly after the cursor row in the order of {@code keys}: the lexicographic expansion
     * {@code k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...} ({@code <} for descending keys). A nullable key
     * sorts its nulls last: a null cursor value is followed only by nulls, and a non-null one also by
     * every null. A non-nullable first key adds the redundant {@code k1 >= v1}, which lets PostgreSQL
     * range-scan the {@code (k1, id)} index.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate after(HibernateCriteriaBuilder cb, List<SortKey> keys, List<Path<?>> paths,
                                   List<Object> values) {
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            Expression<Comparable> path = (Expression<Comparable>) paths.get(i);
            Comparable value = (Comparable) values.get(i);
            if (value != null) {
                Predicate beyond = key.descending ? cb.lessThan(path, value) : cb.greaterThan(path, value);
                List<Predicate> alternative = new ArrayList<>(equalSoFar);
                alternative.add(key.nullable ? cb.or(beyond, cb.isNull(path)) : beyond);
                alternatives.add(cb.and(alternative.toArray(Predicate[]::new)));
                equalSoFar.add(cb.equal(path, value));
            } else {
                // nulls sort last: nothing but other nulls (ordered by the next keys) comes after a null
                equalSoFar.add(cb.isNull(path));
            }
        }
        Predicate expansion = alternatives.isEmpty() ? cb.disjunction() : cb.or(alternatives.toArray(Predicate[]::new));
        SortKey first = keys.get(0);
        Comparable firstValue = (Comparable) values.get(0);
        if (keys.size() > 1 && !first.nullable && firstValue != null) {
            Expression<Comparable> path = (Expression<Comparable>) paths.get(0);
            Predicate bound = first.descending ? cb.lessThanOrEqualTo(path, firstValue)
                    : cb.greaterThanOrEqualTo(path, firstValue);
            return cb.and(bound, expansion);
        }
        return expansion;
    }

    // ---- totals -------------------------------------------------------------------------------

    private Long total(Session session, HibernateCriteriaBuilder cb, Scope<E> scope, SearchContext context,
                       SearchCriteria criteria, TotalCount mode) {
        return switch (mode) {
            case NONE -> null;
            case EXACT -> exactCount(session, cb, scope, context, criteria);
            case ESTIMATED -> estimatedCount(session, cb, scope, context, criteria);
        };
    }

    private long exactCount(Session session, HibernateCriteriaBuilder cb, Scope<E> scope, SearchContext context,
                            SearchCriteria criteria) {
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> root = count.from(entityClass);
        count.select(cb.count(root))
                .where(predicates(new Where<>(cb, root, count, context), scope, criteria).toArray(Predicate[]::new));
        return session.createQuery(count).getSingleResult();
    }

    /**
     * Unfiltered and unscoped: the table's {@code pg_class.reltuples}. Filtered: the planner's row estimate from
     * {@code EXPLAIN} of the list query, run on this transaction's connection. A table that was never
     * analysed has no statistics: then the exact count is used.
     */
    private long estimatedCount(Session session, HibernateCriteriaBuilder cb, Scope<E> scope, SearchContext context,
                                SearchCriteria criteria) {
        if (table == null) {
            return exactCount(session, cb, scope, context, criteria);
        }
        Number reltuples = (Number) session.createNativeQuery(
                        "SELECT c.reltuples FROM pg_class c WHERE c.oid = to_regclass(:table)", Object.class)
                .setParameter("table", table)
                .getResultStream().findFirst().orElse(-1);
        if (reltuples.doubleValue() < 0) {
            return exactCount(session, cb, scope, context, criteria);
        }
        if (scope == null && criteria.filters().isEmpty() && criteria.text() == null) {
            return Math.round(reltuples.doubleValue());
        }
        // Run the list query (without limit) as EXPLAIN on this transaction's connection: a short-lived
        // session on that connection rewrites the SQL Hibernate generates, parameters stay bound.
        Long estimate = session.doReturningWork(connection -> {
            try (Session explaining = session.getSessionFactory().withOptions()
                    .connection(connection)
                    .autoJoinTransactions(false)
                    .statementInspector(sql -> "EXPLAIN (FORMAT JSON) " + sql)
                    .openSession()) {
                CriteriaQuery<String> query = cb.createQuery(String.class);
                Root<E> root = query.from(entityClass);
                query.select(((JpaExpression<?>) path(root, idAttribute)).cast(String.class))
                        .where(predicates(new Where<>(cb, root, query, context), scope, criteria)
                                .toArray(Predicate[]::new));
                String plan = String.join("\n", explaining.createQuery(query).getResultList());
                Matcher rows = PLAN_ROWS.matcher(plan);
                return rows.find() ? Math.round(Double.parseDouble(rows.group(1))) : null;
            }
        });
        return estimate != null ? estimate : exactCount(session, cb, scope, context, criteria);
    }

    // ---- mapping ------------------------------------------------------------------------------

    private String attribute(String field) {
        return attributes.getOrDefault(field, field);
    }

    private static Path<?> path(Root<?> root, String attribute) {
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        return path;
    }

    /** Checks once that every schema field and the id resolve to attributes of the entity. */
    private void validate(HibernateCriteriaBuilder cb) {
        if (validated) {
            return;
        }
        Root<E> root = cb.createTupleQuery().from(entityClass);
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>(schema.filterableFields());
        names.addAll(schema.sortableFields());
        for (String name : names) {
            if (translators.containsKey(name) && !schema.field(name).sortable()) {
                continue;
            }
            try {
                Path<?> path = path(root, attribute(name));
                if (schema.field(name).sortable() && !KeysetCursor.supports(path.getJavaType())) {
                    problems.add(name + ": cannot page by " + path.getJavaType().getSimpleName());
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add(name + " -> " + attribute(name) + ": no such attribute");
            }
        }
        try {
            path(root, idAttribute);
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add("id -> " + idAttribute + ": no such attribute");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("CriteriaSearch for " + entityClass.getSimpleName() + " does not match "
                    + schema.resource() + ": " + String.join("; ", problems));
        }
        validated = true;
    }

    private record SortKey(String field, String attribute, boolean descending, boolean nullable) {
        @Override
        public String toString() {
            return (descending ? "-" : "") + field;
        }
    }

    /** Configures a {@link CriteriaSearch}. */
    public static final class Builder<E> {
        private final Class<E> entityClass;
        private final QuerySchema schema;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Set<String> nullable = new HashSet<>();
        private final Map<String, ContextualFilterTranslator<E>> translators = new LinkedHashMap<>();
        private String idAttribute = "id";
        private ContextualTextMatcher<E> textMatcher;

        private Builder(Class<E> entityClass, QuerySchema schema) {
            this.entityClass = Objects.requireNonNull(entityClass, "entityClass");
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /** Maps a schema field to an entity attribute path ({@code a.b} for embeddables); default: same name. */
        public Builder<E> attribute(String field, String attributePath) {
            requireField(field);
            attributes.put(field, attributePath);
            return this;
        }

        /**
         * Sort keys whose column may be null: they sort their nulls last in both directions. Every
         * other sort key must be a NOT NULL column.
         */
        public Builder<E> nullable(String... fields) {
            for (String field : fields) {
                requireField(field);
                nullable.add(field);
            }
            return this;
        }

        /** The unique, non-null tie-breaker attribute; default {@code id}. */
        public Builder<E> id(String attribute) {
            this.idAttribute = Objects.requireNonNull(attribute, "attribute");
            return this;
        }

        /** How {@code q} matches; without it {@code q} is a validation error. */
        public Builder<E> text(TextMatcher<E> matcher) {
            Objects.requireNonNull(matcher, "matcher");
            return text((where, text) -> matcher.match(where.cb(), where.root(), text));
        }

        /** How {@code q} matches, with the query and the call's {@link SearchContext} at hand. */
        public Builder<E> text(ContextualTextMatcher<E> matcher) {
            this.textMatcher = Objects.requireNonNull(matcher, "matcher");
            return this;
        }

        /** Translates every filter on {@code field} (e.g. JSON containment) instead of the standard operators. */
        public Builder<E> filter(String field, FilterTranslator<E> translator) {
            Objects.requireNonNull(translator, "translator");
            return filter(field, (where, filter) -> translator.translate(where.cb(), where.root(), filter));
        }

        /**
         * Translates every filter on {@code field} with the query (for a correlated subquery) and the
         * call's {@link SearchContext} (for per-call values such as {@code today}) at hand.
         */
        public Builder<E> filter(String field, ContextualFilterTranslator<E> translator) {
            requireField(field);
            translators.put(field, Objects.requireNonNull(translator, "translator"));
            return this;
        }

        public CriteriaSearch<E> build() {
            return new CriteriaSearch<>(this);
        }

        private void requireField(String field) {
            if (schema.field(field) == null) {
                throw new IllegalArgumentException(schema.resource() + " has no field " + field);
            }
        }
    }
}

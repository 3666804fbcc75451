package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.TotalCount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.query.Query;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

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
 *         .textContains("searchText")                             // q: LIKE on a lower-case column, bound
 *         .build();
 * Page<Project> page = SEARCH.search(entityManager, criteria, pageRequest).map(mapper::toDomain);
 * }</pre>
 *
 * <p>A call may add a {@link Scope}: a fixed predicate (what the caller may see: a project's tasks, the
 * projects a user is a member of) that is ANDed to the client's filters in the page, the count and the
 * estimate, and that sees the query, so it can correlate an {@code EXISTS} subquery. Translators that
 * need per-call values (a {@code today}) read them from the call's {@link SearchContext}, so the search
 * stays a constant; a {@link Builder#boundFilter bound} translator binds every value through
 * {@link Where#parameters} (not {@code cb}), so its calls share one translation per shape:
 *
 * <pre>{@code
 * static final SearchContext.Key<LocalDate> TODAY = SearchContext.key("today", LocalDate.class);
 * static final CriteriaSearch<TaskJpaEntity> SEARCH = CriteriaSearch.builder(TaskJpaEntity.class, TaskSearch.SCHEMA)
 *         .boundFilter("overdue", TaskPersistenceAdapter::overdue) // binds where.context().get(TODAY)
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
    public record Where<E>(
            HibernateCriteriaBuilder cb,
            Root<E> root,
            CriteriaQuery<?> query,
            SearchContext context,
            SearchParameters parameters) {}

    /**
     * The platform's {@code q}: rows whose attributes (any of them) contain the client's text, which becomes one
     * bound LIKE pattern ({@link LikePatterns#containsPattern}, lower-cased, wildcards escaped), so the calls keep
     * their shape ({@link Builder#textContains}, {@link Builder#textContainsIgnoringCase}).
     */
    record ContainsText<E>(List<String> attributes, boolean lowerColumns) implements ContextualTextMatcher<E> {
        ContainsText {
            attributes = List.copyOf(attributes);
            if (attributes.isEmpty()) {
                throw new IllegalArgumentException("q needs at least one attribute to look in");
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Predicate match(Where<E> where, String text) {
            HibernateCriteriaBuilder cb = where.cb();
            Expression<String> pattern = where.parameters().bind(String.class, LikePatterns.containsPattern(text));
            List<Predicate> any = new ArrayList<>(attributes.size());
            for (String attribute : attributes) {
                Expression<String> column = (Expression<String>) path(where.root(), attribute);
                any.add(cb.like(lowerColumns ? cb.lower(column) : column, pattern, LikePatterns.ESCAPE));
            }
            return any.size() == 1 ? any.get(0) : cb.or(any.toArray(Predicate[]::new));
        }
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

        /**
         * {@code attribute = value} ({@code a.b} for embeddables), the value bound as a parameter; unlike a
         * context's own scope, it lets the page reuse its shape's translated statement.
         */
        static <E> Scope<E> equal(String attribute, Object value) {
            return new Equal<>(attribute, value, List.of());
        }

        /**
         * {@link #equal} and each of {@code nullAttributes} null (a row not soft-deleted, say): one value, bound as a
         * parameter, so its calls reuse their shape's translated statement.
         */
        static <E> Scope<E> equalAndNull(String attribute, Object value, String... nullAttributes) {
            return new Equal<>(attribute, value, List.of(nullAttributes));
        }

        /**
         * A scope whose one value is bound as a parameter, which {@code template} receives instead of the value:
         * its calls reuse their shape's translated statement, as {@link #equal}'s do. {@code template} must be a
         * constant (a method reference to a static method or a lambda that captures nothing): a captured value
         * would be frozen into the statement the shape keeps. Checked here.
         */
        static <E, T> Scope<E> of(Class<T> type, T value, Template<E, T> template) {
            return new Bound<>(type, value, template);
        }

        /** The predicate of a {@link #of bound scope}, given its value as a parameter expression. */
        @FunctionalInterface
        interface Template<E, T> {
            Predicate restrict(Where<E> where, Expression<T> value);
        }

        /** {@link #of}. */
        record Bound<E, T>(Class<T> type, T value, Template<E, T> template) implements Scope<E> {
            public Bound {
                Objects.requireNonNull(type, "type");
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(template, "template");
                if (template.getClass().getDeclaredFields().length > 0) {
                    throw new IllegalArgumentException(
                            "a scope template must capture nothing (its value comes as the parameter): "
                                    + template.getClass().getName());
                }
            }

            @Override
            public Predicate restrict(Where<E> where) {
                return template.restrict(where, where.parameters().bind(type, value));
            }
        }

        /** {@link #equal} and {@link #equalAndNull}. */
        record Equal<E>(String attribute, Object value, List<String> nullAttributes) implements Scope<E> {
            public Equal {
                Objects.requireNonNull(attribute, "attribute");
                Objects.requireNonNull(value, "value");
                nullAttributes = List.copyOf(nullAttributes);
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Predicate restrict(Where<E> where) {
                Path<?> path = path(where.root(), attribute);
                Predicate equal =
                        where.cb().equal(path, where.parameters().bind((Path) path, bound(path.getJavaType())));
                if (nullAttributes.isEmpty()) {
                    return equal;
                }
                List<Predicate> all = new ArrayList<>();
                all.add(equal);
                for (String unset : nullAttributes) {
                    all.add(where.cb().isNull(path(where.root(), unset)));
                }
                return where.cb().and(all.toArray(Predicate[]::new));
            }

            /** The value as bound: converted to the Java type of the attribute it is compared with. */
            Object bound(Class<?> attributeType) {
                return SearchPredicates.coerce(value, SearchPredicates.wrapper(attributeType));
            }
        }
    }

    private final Class<E> entityClass;
    private final QuerySchema schema;
    private final Map<String, String> attributes;
    private final String idAttribute;
    private final Set<String> translated;
    private final SearchPredicates<E> predicates;
    private final KeysetOrder keyset;
    private final SearchTotals<E> totals;
    private final Set<String> readApart;
    /** The attributes {@code q} looks in, when it is the platform's {@link ContainsText}. */
    private final List<String> textAttributes;

    private final QueryShapes shapes = new QueryShapes();
    /** The Java types of the attributes previews have asked for (a fixed set: the schema's and the scopes'). */
    private final Map<String, Class<?>> javaTypes = new ConcurrentHashMap<>();
    /** Calls that built a criteria tree (the tests' evidence that a previewed call built none). */
    private final LongAdder treesBuilt = new LongAdder();

    private volatile boolean validated;

    private CriteriaSearch(Builder<E> builder) {
        this.entityClass = builder.entityClass;
        this.schema = builder.schema;
        this.attributes = Map.copyOf(builder.attributes);
        this.idAttribute = builder.idAttribute;
        this.translated = Set.copyOf(builder.translators.keySet());
        this.readApart = Set.copyOf(builder.readApart);
        this.textAttributes =
                builder.textMatcher instanceof ContainsText<E> contains ? contains.attributes() : List.of();
        this.predicates = new SearchPredicates<>(
                schema, this::attribute, builder.translators, builder.boundTranslators, builder.textMatcher);
        this.keyset = new KeysetOrder(schema, this::attribute, builder.nullable, idAttribute);
        Table tableAnnotation = entityClass.getAnnotation(Table.class);
        String table = tableAnnotation == null || tableAnnotation.name().isEmpty() ? null : tableAnnotation.name();
        this.totals = new SearchTotals<>(entityClass, table, idAttribute, predicates);
    }

    public static <E> Builder<E> builder(Class<E> entityClass, QuerySchema schema) {
        return new Builder<>(entityClass, schema);
    }

    /** Reads one page. Unknown fields, operators and sorts were rejected by the schema already. */
    public Page<E> search(EntityManager entityManager, SearchCriteria criteria, PageRequest page) {
        return search(entityManager, criteria, page, null, SearchContext.empty());
    }

    /** Reads one page, with per-call values for the translators. */
    public Page<E> search(
            EntityManager entityManager, SearchCriteria criteria, PageRequest page, SearchContext context) {
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
    public Page<E> search(
            EntityManager entityManager,
            SearchCriteria criteria,
            PageRequest page,
            Scope<E> scope,
            SearchContext context) {
        Objects.requireNonNull(context, "context");
        // a keyset page in a read-only transaction runs its shape's statement plainly, once Hibernate translated it;
        // in a read without a session (a JdbcTransaction) nothing below asks for one until a shape is new
        PlainReads.ReadOnly readOnly = page.isKeyset() ? PlainReads.readOnly(entityManager) : null;
        if (readOnly instanceof JdbcTransaction && page.total() != TotalCount.NONE) {
            readOnly = null; // the total counts through Hibernate: ask for the session before any statement runs
        }
        Session session = readOnly instanceof JdbcTransaction ? null : entityManager.unwrap(Session.class);
        if (session != null
                && readOnly != null
                && session.unwrap(SessionImplementor.class)
                        .getLoadQueryInfluencers()
                        .hasEnabledFilters()) {
            readOnly = null; // the session's Hibernate filters change the SQL: Hibernate translates it each time
        }
        HibernateCriteriaBuilder cb =
                session == null ? readOnly.factory().getCriteriaBuilder() : session.getCriteriaBuilder();
        validate(cb);
        List<KeysetOrder.SortKey> keys = keyset.keys(page.sort());
        String sortKey = sortKey(keys);

        if (readOnly != null && page.total() == TotalCount.NONE) {
            // a shape read plainly before: its statement runs with this call's values, worked out without a tree
            SearchParameters call = preview(cb, scope, criteria, page, keys, sortKey);
            PlainPageStatement<E> plain = call == null ? null : shapes.previewed(call);
            if (plain != null && (session != null || plain.sessionless())) {
                return plainPage(plain, readOnly, call.values(), page, keys, sortKey);
            }
        }

        treesBuilt.increment();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<E> root = query.from(entityClass);
        List<Selection<?>> selections = new ArrayList<>();
        selections.add(root);
        List<Path<?>> sortPaths = new ArrayList<>();
        for (KeysetOrder.SortKey key : keys) {
            Path<?> path = path(root, key.attribute());
            sortPaths.add(path);
            selections.add(path);
        }
        query.multiselect(selections);

        SearchParameters parameters = new SearchParameters(cb);
        parameters.shape(sortKey);
        parameters.shape(page.isKeyset() ? "keyset" : "offset");
        List<Predicate> where = predicates.of(new Where<>(cb, root, query, context, parameters), scope, criteria);
        if (page.isKeyset() && page.cursor() != null) {
            List<Class<?>> types =
                    sortPaths.stream().<Class<?>>map(Path::getJavaType).toList();
            List<Object> after = KeysetCursor.decode(page.cursor(), sortKey, types);
            where.add(KeysetOrder.after(cb, parameters, keys, sortPaths, after));
        }
        query.where(where.toArray(Predicate[]::new));
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            orders.add(KeysetOrder.order(cb, keys.get(i), sortPaths.get(i)));
        }
        query.orderBy(orders);
        parameters.verify(query); // a bound translator's tree holds only the call's parameters, or it is not kept

        PlainPageStatement<E> plain = readOnly == null ? null : shapes.plain(parameters);
        if (plain == null && session == null && parameters.cacheable() && !shapes.compiled(parameters)) {
            plain = translateAside(readOnly.factory(), query, parameters, page.limit());
        }
        if (plain != null && session == null && !plain.sessionless()) {
            plain = null; // a value this statement binds or reads needs a session: ask for one before any statement
        }
        Query<Tuple> typed = null;
        if (plain == null) {
            if (session == null) {
                // Hibernate reads this page: a JdbcTransaction is told that the use case needs a session (it runs
                // again in Micronaut's transaction, before any statement of this page)
                session = entityManager.unwrap(Session.class);
            }
            typed = shapes.query(session, query, parameters).setMaxResults(page.limit() + 1);
            if (!page.isKeyset()) {
                typed.setFirstResult(page.offset());
            }
            plain = readOnly == null
                    ? null
                    : shapes.compilePlain(
                            session.unwrap(SessionImplementor.class), typed, parameters, entityClass, readApart);
        }
        Page<E> read;
        if (plain != null) {
            read = plainPage(plain, readOnly, parameters.values(), page, keys, sortKey); // a keyset page, always
            shapes.checkPreview(parameters, () -> preview(cb, scope, criteria, page, keys, sortKey));
        } else {
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
            read = new Page<>(items, next, null, page.limit());
        }
        if (page.total() == TotalCount.NONE) {
            return read;
        }
        Long total = totals.total(session, cb, scope, context, criteria, page.total());
        return new Page<>(read.items(), read.nextCursor(), total, page.limit());
    }

    /** A page read with its shape's plain statement and {@code values}; the next cursor from its last row. */
    private Page<E> plainPage(
            PlainPageStatement<E> plain,
            PlainReads.ReadOnly readOnly,
            List<Object> values,
            PageRequest page,
            List<KeysetOrder.SortKey> keys,
            String sortKey) {
        List<E> rows = plain.run(readOnly, values, page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<E> items = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            E last = items.get(items.size() - 1);
            List<Object> cursor = new ArrayList<>(keys.size());
            for (KeysetOrder.SortKey key : keys) {
                cursor.add(plain.attribute(last, key.attribute()));
            }
            next = KeysetCursor.encode(sortKey, cursor);
        }
        return new Page<>(items, next, null, page.limit());
    }

    /**
     * The shape and values of a keyset call, worked out without its tree ({@link SearchPredicates#preview}), in the
     * order the tree binds them; null when only the tree can tell.
     */
    private SearchParameters preview(
            HibernateCriteriaBuilder cb,
            Scope<E> scope,
            SearchCriteria criteria,
            PageRequest page,
            List<KeysetOrder.SortKey> keys,
            String sortKey) {
        Function<String, Class<?>> javaTypes = attribute -> javaType(cb, attribute);
        SearchParameters call = SearchParameters.preview();
        call.shape(sortKey);
        call.shape("keyset");
        if (!predicates.preview(call, scope, criteria, javaTypes)) {
            return null;
        }
        if (page.cursor() != null) {
            List<Class<?>> types = new ArrayList<>(keys.size());
            for (KeysetOrder.SortKey key : keys) {
                types.add(javaTypes.apply(key.attribute()));
            }
            KeysetOrder.previewAfter(call, KeysetCursor.decode(page.cursor(), sortKey, types));
        }
        return call;
    }

    /** The Java type of an attribute path ({@code a.b} for embeddables), as the tree's path has it. */
    private Class<?> javaType(HibernateCriteriaBuilder cb, String attribute) {
        Class<?> type = javaTypes.get(attribute);
        if (type == null) {
            type = path(cb.createTupleQuery().from(entityClass), attribute).getJavaType();
            javaTypes.put(attribute, type);
        }
        return type;
    }

    /** How many calls built a criteria tree so far. */
    long treesBuilt() {
        return treesBuilt.sum();
    }

    /**
     * How many page statements Hibernate was given to translate so far: once per shape, and once per call whose
     * tree is its own (a context's own translator, text matcher or scope that is not bound).
     */
    public long translations() {
        return shapes.translations();
    }

    /** The cursor's and the shape's name of a sort: the resource and its keys ({@code users:-createdAt,-id}). */
    private String sortKey(List<KeysetOrder.SortKey> keys) {
        StringBuilder key = new StringBuilder(schema.resource()).append(':');
        for (int i = 0; i < keys.size(); i++) {
            key.append(i == 0 ? "" : ",").append(keys.get(i));
        }
        return key.toString();
    }

    /**
     * Translates a new shape for a read without a session (a {@link JdbcTransaction}) on a short session of its own,
     * which takes no connection (translating needs none), so the read goes on without one. Null when the shape cannot
     * be read plainly.
     */
    private PlainPageStatement<E> translateAside(
            SessionFactoryImplementor factory, CriteriaQuery<Tuple> query, SearchParameters parameters, int limit) {
        try (Session aside = factory.openSession()) {
            aside.setDefaultReadOnly(true);
            Query<Tuple> typed = shapes.query(aside, query, parameters).setMaxResults(limit + 1);
            PlainPageStatement<E> compiled = shapes.compilePlain(
                    aside.unwrap(SessionImplementor.class), typed, parameters, entityClass, readApart);
            return compiled != null ? compiled : shapes.plain(parameters); // or another call compiled it meanwhile
        }
    }

    private String attribute(String field) {
        return attributes.getOrDefault(field, field);
    }

    /** The path of {@code attribute} ({@code a.b} for embeddables) from {@code root}. */
    static Path<?> path(Root<?> root, String attribute) {
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
            if (translated.contains(name) && !schema.field(name).sortable()) {
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
        for (String attribute : textAttributes) {
            try {
                if (path(root, attribute).getJavaType() != String.class) {
                    problems.add("q -> " + attribute + ": not a text attribute");
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add("q -> " + attribute + ": no such attribute");
            }
        }
        for (String collection : readApart) {
            boolean isCollection;
            try {
                isCollection = root.getModel().getAttribute(collection).isCollection();
            } catch (IllegalArgumentException e) {
                isCollection = false;
            }
            if (!isCollection) {
                problems.add("readApart " + collection + ": no such collection");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("CriteriaSearch for " + entityClass.getSimpleName() + " does not match "
                    + schema.resource() + ": " + String.join("; ", problems));
        }
        validated = true;
    }

    /** Configures a {@link CriteriaSearch}. */
    public static final class Builder<E> {
        private final Class<E> entityClass;
        private final QuerySchema schema;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Set<String> nullable = new HashSet<>();
        private final Map<String, ContextualFilterTranslator<E>> translators = new LinkedHashMap<>();
        private final Set<String> boundTranslators = new HashSet<>();
        private final Set<String> readApart = new HashSet<>();
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

        /**
         * {@code q} matches rows whose {@code attributes} (any of them) contain it; the columns hold lower-case text
         * already (a {@code search_text} column, trigram-indexed as it is), the client's text is lower-cased. The text
         * is bound as a parameter: such calls are translated once per shape, unlike a {@link #text} matcher's.
         */
        public Builder<E> textContains(String... attributes) {
            return text(new ContainsText<>(List.of(attributes), false));
        }

        /** {@link #textContains} on columns of any case: each is compared lower-cased ({@code lower(column)}). */
        public Builder<E> textContainsIgnoringCase(String... attributes) {
            return text(new ContainsText<>(List.of(attributes), true));
        }

        /**
         * How {@code q} matches; without it {@code q} is a validation error. A matcher of your own may put the text
         * into the tree: its calls are translated each time ({@link #textContains} binds it instead).
         */
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
            boundTranslators.remove(field);
            return this;
        }

        /**
         * {@link #filter(String, ContextualFilterTranslator)} for a translator that binds every value it uses (the
         * filter's, the {@link SearchContext}'s) through {@link Where#parameters} and whose tree otherwise follows
         * only the filter's operator, its number of values and those of its values that are booleans or enums ({@code true}
         * and {@code false} may build two trees): its calls share one translated statement per such shape, as the
         * standard operators' do. Checked: a tree holding a value that is not one of the call's parameters (given to
         * {@code cb} directly) is translated for that call alone; and the translator must capture nothing (a method
         * reference to a static method, or a lambda that captures nothing), as a {@link Scope#of} template. A tree
         * that follows anything else (the text of a value, a context value being null) must use {@link #filter}.
         */
        public Builder<E> boundFilter(String field, ContextualFilterTranslator<E> translator) {
            Objects.requireNonNull(translator, "translator");
            if (translator.getClass().getDeclaredFields().length > 0) {
                throw new IllegalArgumentException(
                        "a bound filter translator must capture nothing (its values come as parameters): "
                                + translator.getClass().getName());
            }
            filter(field, translator);
            boundTranslators.add(field);
            return this;
        }

        /**
         * Collections of the entity (an {@code @ElementCollection}) that a page does not read with its rows: the
         * adapter reads them for the whole page itself ({@link ChildRows}), or its items do not show them. A page
         * read plainly leaves them null on its entities (instead of Hibernate's lazy collections, which cost a
         * session). Only for pages whose entities are mapped and dropped, never for entities that are changed or
         * saved.
         */
        public Builder<E> readApart(String... collections) {
            readApart.addAll(List.of(collections));
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

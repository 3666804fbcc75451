package io.strata.adapters.persistence.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.Query;
import org.hibernate.query.spi.SqmQuery;

/**
 * The page statements of one {@link CriteriaSearch}, one per {@linkplain SearchParameters shape}. Hibernate
 * caches the SQL it translates from a criteria tree only for the same tree object (and only when asked), and a
 * list call builds a new tree each time: translating it again was about a fifth of a list page's CPU in the
 * benchmark's profile. So the first tree of each shape is kept, and later calls of that shape run it with
 * their own values: Hibernate finds its translation in its query plan cache.
 *
 * <p>In a read-only transaction a shape's keyset pages need not go through Hibernate at all once it translated the
 * shape: its {@link PlainPageStatement} (compiled from the first such call, kept with the shape) runs the same SQL
 * with each call's values and reads the rows itself.
 *
 * <p>A tree is kept only when every parameter in it is one of its call's (checked, not assumed: a value given to
 * the criteria builder directly would stay in the kept tree) and Hibernate does not copy criteria trees
 * ({@code hibernate.criteria.copy_tree}); otherwise the call runs its own tree, as before. Bounded: a client can
 * make many shapes (filters of every field with every operator).
 */
final class QueryShapes {
    private static final int MAX_SHAPES = 256;

    private final Cache<String, Shape> shapes =
            Caffeine.newBuilder().maximumSize(MAX_SHAPES).build();

    private static final Object NOT_PLAIN = new Object();

    /** Trees given to Hibernate to translate: each kept shape's first, and every call's own tree. */
    private final LongAdder translations = new LongAdder();

    /** A shape's tree, its parameters, and once a read-only call compiled it, its plain statement. */
    private static final class Shape {
        final CriteriaQuery<Tuple> query;
        final List<ParameterExpression<?>> parameters;
        /** Null: not compiled yet; {@link #NOT_PLAIN}: cannot be read plainly; else its {@link PlainPageStatement}. */
        volatile Object plain;
        /** Null: not checked yet; whether a preview of a call of this shape gives what its tree binds. */
        volatile Boolean previewable;

        Shape(CriteriaQuery<Tuple> query, List<ParameterExpression<?>> parameters) {
            this.query = query;
            this.parameters = parameters;
        }
    }

    /** The query to run for {@code built}, the tree this call made, with the call's values bound. */
    Query<Tuple> query(Session session, CriteriaQuery<Tuple> built, SearchParameters parameters) {
        boolean reusable = parameters.cacheable()
                && !session.unwrap(SharedSessionContractImplementor.class).isCriteriaCopyTreeEnabled();
        Shape shape = reusable ? shapes.getIfPresent(parameters.shape()) : null;
        if (shape == null && reusable && parameters.onlyParametersOf(built)) {
            shape = shapes.asMap().computeIfAbsent(parameters.shape(), key -> {
                translations.increment();
                return new Shape(built, parameters.expressions());
            });
        }
        if (shape == null || shape.parameters.size() != parameters.expressions().size()) {
            translations.increment();
            Query<Tuple> own = session.createQuery(built);
            parameters.bindTo(own, parameters.expressions());
            return own;
        }
        Query<Tuple> reused = session.createQuery(shape.query);
        reused.setQueryPlanCacheable(true);
        parameters.bindTo(reused, shape.parameters);
        return reused;
    }

    /** How many trees were given to Hibernate to translate so far. */
    long translations() {
        return translations.sum();
    }

    /**
     * The plain statement of this call's shape, compiled before by {@link #compilePlain}; null when there is none
     * (the shape is new, not reusable, or cannot be read plainly).
     */
    @SuppressWarnings("unchecked")
    <E> PlainPageStatement<E> plain(SearchParameters parameters) {
        if (!parameters.cacheable()) {
            return null;
        }
        Shape shape = shapes.getIfPresent(parameters.shape());
        return shape != null
                        && shape.plain instanceof PlainPageStatement<?> plain
                        && plain.valueCount() == parameters.values().size()
                ? (PlainPageStatement<E>) plain
                : null;
    }

    /**
     * The plain statement of a {@linkplain SearchPredicates#preview previewed} call's shape, when the shape has one
     * and its first checked call previewed to exactly what its tree bound ({@link #checkPreview}); else null.
     */
    @SuppressWarnings("unchecked")
    <E> PlainPageStatement<E> previewed(SearchParameters preview) {
        Shape shape = shapes.getIfPresent(preview.shape());
        return shape != null
                        && Boolean.TRUE.equals(shape.previewable)
                        && shape.plain instanceof PlainPageStatement<?> plain
                        && plain.valueCount() == preview.values().size()
                ? (PlainPageStatement<E>) plain
                : null;
    }

    /**
     * Once per shape that has a plain statement: compares the preview of a call ({@code preview}, null when the
     * call cannot be previewed) with what its tree bound ({@code built}). Only a shape that passes is ever read
     * from a preview, so a preview that differs from its tree costs speed, never a wrong page.
     */
    void checkPreview(SearchParameters built, Supplier<SearchParameters> preview) {
        Shape shape = built.cacheable() ? shapes.getIfPresent(built.shape()) : null;
        if (shape != null && shape.previewable == null && shape.plain instanceof PlainPageStatement<?>) {
            SearchParameters previewed;
            try {
                previewed = preview.get();
            } catch (RuntimeException e) {
                previewed = null; // the page was read: a preview that cannot be made only leaves the shape to its tree
            }
            shape.previewable = previewed != null && previewed.sameCall(built);
        }
    }

    /** Whether this call's shape was compiled before, to a plain statement or to none (it cannot be read plainly). */
    boolean compiled(SearchParameters parameters) {
        Shape shape = parameters.cacheable() ? shapes.getIfPresent(parameters.shape()) : null;
        return shape != null && shape.plain != null;
    }

    /**
     * Compiles the plain statement of this call's shape from {@code query}, which {@link #query} made from the
     * shape's tree with this call's values (once per shape: null afterwards, and when the shape cannot be read
     * plainly or {@code query} is a call's own tree). Collections named in {@code readApart} are left unread.
     */
    <E> PlainPageStatement<E> compilePlain(
            SharedSessionContractImplementor session,
            Query<Tuple> query,
            SearchParameters parameters,
            Class<E> entityClass,
            Set<String> readApart) {
        Shape shape = parameters.cacheable() ? shapes.getIfPresent(parameters.shape()) : null;
        if (shape == null
                || shape.plain != null
                || !(query instanceof SqmQuery sqm && sqm.getSqmStatement() == shape.query)) {
            return null;
        }
        PlainPageStatement<E> plain =
                PlainPageStatement.compile(session, query, entityClass, parameters.values(), readApart);
        shape.plain = plain == null ? NOT_PLAIN : plain;
        return plain;
    }
}

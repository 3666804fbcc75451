package io.strata.adapters.persistence.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.Query;

/**
 * The page statements of one {@link CriteriaSearch}, one per {@linkplain SearchParameters shape}. Hibernate
 * caches the SQL it translates from a criteria tree only for the same tree object (and only when asked), and a
 * list call builds a new tree each time: translating it again was about a fifth of a list page's CPU in the
 * benchmark's profile. So the first tree of each shape is kept, and later calls of that shape run it with
 * their own values: Hibernate finds its translation in its query plan cache.
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

    private record Shape(CriteriaQuery<Tuple> query, List<ParameterExpression<?>> parameters) {}

    /** The query to run for {@code built}, the tree this call made, with the call's values bound. */
    Query<Tuple> query(Session session, CriteriaQuery<Tuple> built, SearchParameters parameters) {
        boolean reusable = parameters.cacheable()
                && !session.unwrap(SharedSessionContractImplementor.class).isCriteriaCopyTreeEnabled();
        Shape shape = reusable ? shapes.getIfPresent(parameters.shape()) : null;
        if (shape == null && reusable && parameters.onlyParametersOf(built)) {
            shape = shapes.asMap()
                    .computeIfAbsent(parameters.shape(), key -> new Shape(built, parameters.expressions()));
        }
        if (shape == null
                || shape.parameters().size() != parameters.expressions().size()) {
            Query<Tuple> own = session.createQuery(built);
            parameters.bindTo(own, parameters.expressions());
            return own;
        }
        Query<Tuple> reused = session.createQuery(shape.query());
        reused.setQueryPlanCacheable(true);
        parameters.bindTo(reused, shape.parameters());
        return reused;
    }
}

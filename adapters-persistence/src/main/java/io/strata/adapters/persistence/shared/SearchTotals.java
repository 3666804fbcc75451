package io.strata.adapters.persistence.shared;

import io.strata.adapters.persistence.shared.CriteriaSearch.Scope;
import io.strata.adapters.persistence.shared.CriteriaSearch.Where;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.query.TotalCount;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaExpression;

/**
 * The total of a {@link CriteriaSearch} page, when asked for: an exact {@code COUNT(*)} with the page's
 * conditions, or PostgreSQL's estimate (table statistics, or the planner's row estimate of the filtered
 * query), falling back to the exact count where there are no statistics.
 *
 * @param <E> the JPA entity
 */
final class SearchTotals<E> {
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    private final Class<E> entityClass;
    private final String table;
    private final String idAttribute;
    private final SearchPredicates<E> predicates;

    SearchTotals(Class<E> entityClass, String table, String idAttribute, SearchPredicates<E> predicates) {
        this.entityClass = entityClass;
        this.table = table;
        this.idAttribute = idAttribute;
        this.predicates = predicates;
    }

    /** The total the page asks for: none, {@code COUNT(*)}, or the planner's estimate. */
    Long total(
            Session session,
            HibernateCriteriaBuilder cb,
            Scope<E> scope,
            SearchContext context,
            SearchCriteria criteria,
            TotalCount mode) {
        return switch (mode) {
            case NONE -> null;
            case EXACT -> exactCount(session, cb, scope, context, criteria);
            case ESTIMATED -> estimatedCount(session, cb, scope, context, criteria);
        };
    }

    private long exactCount(
            Session session,
            HibernateCriteriaBuilder cb,
            Scope<E> scope,
            SearchContext context,
            SearchCriteria criteria) {
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> root = count.from(entityClass);
        SearchParameters parameters = new SearchParameters(cb);
        count.select(cb.count(root))
                .where(predicates
                        .of(new Where<>(cb, root, count, context, parameters), scope, criteria)
                        .toArray(Predicate[]::new));
        org.hibernate.query.Query<Long> query = session.createQuery(count);
        parameters.bindTo(query, parameters.expressions());
        return query.getSingleResult();
    }

    /**
     * Unfiltered and unscoped: the table's {@code pg_class.reltuples}. Filtered: the planner's row estimate from
     * {@code EXPLAIN} of the list query, run on this transaction's connection. A table that was never
     * analysed has no statistics: then the exact count is used.
     */
    private long estimatedCount(
            Session session,
            HibernateCriteriaBuilder cb,
            Scope<E> scope,
            SearchContext context,
            SearchCriteria criteria) {
        if (table == null) {
            return exactCount(session, cb, scope, context, criteria);
        }
        Number reltuples = (Number) session.createNativeQuery(
                        "SELECT c.reltuples FROM pg_class c WHERE c.oid = to_regclass(:table)", Object.class)
                .setParameter("table", table)
                .getResultStream()
                .findFirst()
                .orElse(-1);
        if (reltuples.doubleValue() < 0) {
            return exactCount(session, cb, scope, context, criteria);
        }
        if (scope == null && criteria.filters().isEmpty() && criteria.text() == null) {
            return Math.round(reltuples.doubleValue());
        }
        // Run the list query (without limit) as EXPLAIN on this transaction's connection: a short-lived
        // session on that connection rewrites the SQL Hibernate generates, parameters stay bound.
        Long estimate = session.doReturningWork(connection -> {
            try (Session explaining = session.getSessionFactory()
                    .withOptions()
                    .connection(connection)
                    .autoJoinTransactions(false)
                    .statementInspector(sql -> "EXPLAIN (FORMAT JSON) " + sql)
                    .openSession()) {
                CriteriaQuery<String> query = cb.createQuery(String.class);
                Root<E> root = query.from(entityClass);
                SearchParameters parameters = new SearchParameters(cb);
                query.select(((JpaExpression<?>) CriteriaSearch.path(root, idAttribute)).cast(String.class))
                        .where(predicates
                                .of(new Where<>(cb, root, query, context, parameters), scope, criteria)
                                .toArray(Predicate[]::new));
                org.hibernate.query.Query<String> explain = explaining.createQuery(query);
                parameters.bindTo(explain, parameters.expressions());
                String plan = String.join("\n", explain.getResultList());
                Matcher rows = PLAN_ROWS.matcher(plan);
                return rows.find() ? Math.round(Double.parseDouble(rows.group(1))) : null;
            }
        });
        return estimate != null ? estimate : exactCount(session, cb, scope, context, criteria);
    }
}

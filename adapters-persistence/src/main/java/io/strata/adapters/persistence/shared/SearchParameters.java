package io.strata.adapters.persistence.shared;

import jakarta.persistence.Parameter;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.query.Query;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.sqm.NodeBuilder;
import org.hibernate.query.sqm.SqmExpressible;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.expression.JpaCriteriaParameter;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmJpaCriteriaParameterWrapper;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.ValueBindJpaCriteriaParameter;

/**
 * The values of one statement of a {@link CriteriaSearch} call, each a named parameter ({@code p0}, {@code p1},
 * ... in the order they are bound), and the statement's shape: what decides its SQL apart from those values
 * (the sort, which filters with which operators and how many values, the kind of scope, whether there is a
 * cursor). Two calls with the same shape build the same tree with the same parameters, so a page can run the
 * tree its shape first built, whose SQL Hibernate has already translated, with this call's values.
 *
 * <p>A part the platform cannot see into (a context's own filter translator, text matcher or scope) makes the
 * call {@linkplain #notCacheable() not cacheable}: it may put values into the tree itself. A bound filter translator
 * ({@link CriteriaSearch.Builder#boundFilter}) declares its shape instead; its tree is {@linkplain #verify checked}
 * to hold no value but the call's parameters.
 */
public final class SearchParameters {
    private static final String NAME_PREFIX = "p";

    private final HibernateCriteriaBuilder cb;
    private final List<ParameterExpression<?>> expressions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final StringBuilder shape = new StringBuilder();
    private boolean cacheable = true;
    /** A bound filter translator built part of the tree: {@link #verify} checks it before the tree is kept. */
    private boolean verifyTree;

    SearchParameters(HibernateCriteriaBuilder cb) {
        this.cb = cb;
    }

    /**
     * A call's shape and values worked out without its tree ({@link SearchPredicates#preview}): it records them
     * through {@link #shape} and {@link #value} and makes no parameter.
     */
    static SearchParameters preview() {
        return new SearchParameters(null);
    }

    /**
     * {@code value} as the statement's next named parameter, typed as {@code comparedWith} (the attribute it is
     * compared with: an enum stored as text binds as that text).
     */
    @SuppressWarnings("unchecked")
    public <T> ParameterExpression<T> bind(Expression<? extends T> comparedWith, T value) {
        SqmExpressible<T> type = (SqmExpressible<T>) ((SqmExpression<?>) comparedWith).getNodeType();
        return add(new JpaCriteriaParameter<>(nextName(), type, false, (NodeBuilder) cb), value);
    }

    /** {@code value} as the statement's next named parameter, of the Java type {@code type}. */
    public <T> ParameterExpression<T> bind(Class<T> type, T value) {
        JpaCriteriaParameter<T> parameter = (JpaCriteriaParameter<T>) cb.parameter(type, nextName());
        // one value, never a list: a parameter that may take a list keeps Hibernate from caching the statement
        return add(
                parameter.allowsMultiValuedBinding()
                        ? new JpaCriteriaParameter<>(
                                parameter.getName(), parameter.getAnticipatedType(), false, (NodeBuilder) cb)
                        : parameter,
                value);
    }

    private String nextName() {
        return NAME_PREFIX + expressions.size();
    }

    /** The index of the value a parameter named {@code name} takes among {@code count} values, or null (not one). */
    static Integer indexOf(String name, int count) {
        if (name == null || !name.startsWith(NAME_PREFIX) || name.length() == NAME_PREFIX.length()) {
            return null;
        }
        try {
            int index = Integer.parseInt(name.substring(NAME_PREFIX.length()));
            return index >= 0 && index < count ? index : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private <T> ParameterExpression<T> add(ParameterExpression<T> parameter, T value) {
        expressions.add(parameter);
        values.add(value);
        return parameter;
    }

    /** A previewed call's next value, in the order its tree would bind it. */
    void value(Object value) {
        values.add(value);
    }

    /** Adds to the shape what, besides the bound values, decides the statement. */
    void shape(Object part) {
        shape.append(part).append('|');
    }

    /** Something outside the platform built part of the statement: this call's tree is never reused. */
    void notCacheable() {
        cacheable = false;
    }

    /** A context's bound filter translator built part of this call's tree: {@link #verify} checks the tree. */
    void verifyTree() {
        verifyTree = true;
    }

    /**
     * For a call a bound filter translator took part in: the finished tree holds no value but this call's parameters
     * ({@link #onlyParametersOf}), or the call is not cacheable (a value the translator gave the criteria builder
     * directly would stay in a kept tree and answer later calls with it).
     */
    void verify(CriteriaQuery<?> query) {
        if (verifyTree && cacheable && !onlyParametersOf(query)) {
            cacheable = false;
        }
    }

    boolean cacheable() {
        return cacheable;
    }

    String shape() {
        return shape.toString();
    }

    /** The call's values, in the order of their parameters. */
    List<Object> values() {
        return values;
    }

    /** The same shape and the same values (arrays compared by their elements) as {@code other}. */
    boolean sameCall(SearchParameters other) {
        if (!shape().equals(other.shape()) || values.size() != other.values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Objects.deepEquals(values.get(i), other.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    List<ParameterExpression<?>> expressions() {
        return List.copyOf(expressions);
    }

    /** Binds this call's values to {@code parameters}, those of the same shape's tree. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void bindTo(Query<?> query, List<ParameterExpression<?>> parameters) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter((Parameter) parameters.get(i), values.get(i));
        }
    }

    /**
     * Every parameter of {@code query} is one of this call's: no value reached the tree any other way (a
     * value passed to the criteria builder directly becomes a parameter bound to that value, which a reused
     * tree would keep).
     */
    boolean onlyParametersOf(CriteriaQuery<?> query) {
        Set<ParameterExpression<?>> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(expressions);
        for (SqmParameter<?> parameter : ((SqmStatement<?>) query).getSqmParameters()) {
            JpaCriteriaParameter<?> criteria = parameter instanceof SqmJpaCriteriaParameterWrapper<?> wrapper
                    ? wrapper.getJpaCriteriaParameter()
                    : parameter instanceof JpaCriteriaParameter<?> direct ? direct : null;
            if (criteria == null || criteria instanceof ValueBindJpaCriteriaParameter<?> || !own.contains(criteria)) {
                return false;
            }
        }
        return true;
    }
}

package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * The ORDER BY and the keyset condition of a {@link CriteriaSearch}: a total order (the sort keys, then the
 * id), nulls last for nullable keys, and "strictly after the cursor row" as a predicate PostgreSQL can serve
 * from a {@code (key, id)} index.
 */
final class KeysetOrder {
    private final QuerySchema schema;
    private final UnaryOperator<String> attribute;
    private final Set<String> nullable;
    private final String idAttribute;

    KeysetOrder(QuerySchema schema, UnaryOperator<String> attribute, Set<String> nullable, String idAttribute) {
        this.schema = schema;
        this.attribute = attribute;
        this.nullable = Set.copyOf(nullable);
        this.idAttribute = idAttribute;
    }

    /** The requested sort (or the default), then the id in the direction of the last key. */
    List<SortKey> keys(List<SortOrder> requested) {
        List<SortOrder> sort = requested.isEmpty() ? schema.defaultSort() : requested;
        List<SortKey> keys = new ArrayList<>(sort.size() + 1);
        boolean idIncluded = false;
        for (SortOrder order : sort) {
            QueryField field = schema.field(order.field());
            if (field == null || !field.sortable()) {
                throw new ValidationException(
                        "sort",
                        "cannot sort " + schema.resource() + " by '" + order.field() + "'; allowed: "
                                + String.join(", ", schema.sortableFields()));
            }
            String attribute = this.attribute.apply(order.field());
            idIncluded |= attribute.equals(idAttribute);
            keys.add(new SortKey(order.field(), attribute, order.descending(), nullable.contains(order.field())));
        }
        if (!idIncluded) {
            boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).descending;
            keys.add(new SortKey("id", idAttribute, descending, false));
        }
        return keys;
    }

    static Order order(HibernateCriteriaBuilder cb, SortKey key, Path<?> path) {
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
    static Predicate after(
            HibernateCriteriaBuilder cb,
            SearchParameters parameters,
            List<SortKey> keys,
            List<Path<?>> paths,
            List<Object> values) {
        // each cursor value one parameter, used wherever the expansion needs it; which values are null
        // changes the predicate, so it is part of the shape
        List<Expression<Comparable>> bound = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Comparable value = (Comparable) values.get(i);
            bound.add(value == null ? null : parameters.bind((Expression<Comparable>) paths.get(i), value));
        }
        parameters.shape(afterShape(values));
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            Expression<Comparable> path = (Expression<Comparable>) paths.get(i);
            Expression<Comparable> value = bound.get(i);
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
        Expression<Comparable> firstValue = bound.get(0);
        if (keys.size() > 1 && !first.nullable && firstValue != null) {
            Expression<Comparable> path = (Expression<Comparable>) paths.get(0);
            Predicate lowerBound = first.descending
                    ? cb.lessThanOrEqualTo(path, firstValue)
                    : cb.greaterThanOrEqualTo(path, firstValue);
            return cb.and(lowerBound, expansion);
        }
        return expansion;
    }

    /** Records into a previewed call what {@link #after} adds to a call's shape and values. */
    static void previewAfter(SearchParameters call, List<Object> values) {
        call.shape(afterShape(values));
        for (Object value : values) {
            if (value != null) {
                call.value(value);
            }
        }
    }

    /** Which cursor values are null changes the predicate: that is the cursor's part of the shape. */
    private static String afterShape(List<Object> values) {
        StringBuilder nulls = new StringBuilder("after:");
        for (Object value : values) {
            nulls.append(value == null ? 'n' : 'v');
        }
        return nulls.toString();
    }

    /** One key of the total order: a schema field, its attribute, its direction, whether it may be null. */
    record SortKey(String field, String attribute, boolean descending, boolean nullable) {
        @Override
        public String toString() {
            return (descending ? "-" : "") + field;
        }
    }
}

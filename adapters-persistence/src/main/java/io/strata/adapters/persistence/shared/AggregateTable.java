package io.strata.adapters.persistence.shared;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

/**
 * An aggregate's own table for the plain write path of {@link AggregateWrites}: its columns declared once, each
 * with the entity value it binds, from which the {@code INSERT} of a new row and the versioned {@code UPDATE} of a
 * changed one are rendered (the {@code version} and {@code id} columns of {@link AggregateJpaColumns} come last, as
 * Hibernate renders them, so the statements are the ones Hibernate would send). Hibernate's flush of one row
 * (the action queue, the dirty check of every property, the mutation coordinator) cost more than a third of the
 * CPU of {@code POST /projects/{id}/tasks}; a prepared statement bound from the entity costs a few percent.
 *
 * <p>A declaration covers the row, not the entity's child collections ({@link Builder#children}): when those
 * change, or a new aggregate has some, {@link AggregateWrites} lets Hibernate write them as before. A test per
 * table compares the declared columns with the entity's mapping, so the two cannot drift apart unnoticed.
 */
public final class AggregateTable<E extends AggregateJpaColumns> {
    /** Binds one value (which may be null) as parameter {@code index}. */
    @FunctionalInterface
    public interface Binder<V> {
        void bind(PreparedStatement statement, int index, V value) throws SQLException;
    }

    /** {@code mark}: the column's parameter in the SQL, {@code ?} or a cast of it (as the entity's mapping writes it). */
    private record Column<E>(
            String name, boolean updatable, Function<E, ?> value, Binder<Object> binder, String mark) {}

    /**
     * A row this transaction read for change on the plain path, with what it held then: the values an update
     * writes and its child rows. Hibernate's persistence context keeps the same for a managed entity; this keeps
     * it for a detached one, so that saving it needs neither a managed entity nor a second read.
     */
    static final class Loaded<E> {
        final E row;
        Object[] values;
        List<Set<Object>> children;

        private Loaded(E row, Object[] values, List<Set<Object>> children) {
            this.row = row;
            this.values = values;
            this.children = children;
        }
    }

    private final Class<E> type;
    private final String table;
    private final List<Column<E>> columns;
    private final List<Column<E>> updatable;
    private final List<Function<E, ? extends Collection<?>>> children;
    private final String insert;
    private final String update;
    private final String managedRow;

    private AggregateTable(
            Class<E> type,
            String table,
            List<Column<E>> columns,
            List<Function<E, ? extends Collection<?>>> children,
            String childAttribute) {
        this.type = type;
        this.managedRow = "SELECT e FROM " + type.getSimpleName() + " e"
                + (childAttribute == null ? "" : " LEFT JOIN FETCH e." + childAttribute) + " WHERE e.id = :id";
        this.table = table;
        this.columns = List.copyOf(columns);
        this.updatable = columns.stream().filter(Column::updatable).toList();
        this.children = List.copyOf(children);
        StringJoiner names = new StringJoiner(",", "insert into " + table + " (", ",version,id) ");
        StringJoiner marks = new StringJoiner(",", "values (", ",?,?)");
        for (Column<E> column : columns) {
            names.add(column.name());
            marks.add(column.mark());
        }
        this.insert = names + marks.toString();
        StringJoiner sets = new StringJoiner(",", "update " + table + " set ", ",version=? where id=? and version=?");
        for (Column<E> column : updatable) {
            sets.add(column.name() + "=" + column.mark());
        }
        this.update = sets.toString();
    }

    /**
     * A declaration of the columns of {@code table}, the table {@code type} is mapped to, besides {@code version} and
     * {@code id}, in the order given.
     */
    public static <E extends AggregateJpaColumns> Builder<E> of(Class<E> type, String table) {
        return new Builder<>(type, table);
    }

    public Class<E> type() {
        return type;
    }

    public String table() {
        return table;
    }

    /** The declared columns an insert writes ({@code version} and {@code id} besides). */
    public List<String> insertedColumns() {
        return columns.stream().map(Column::name).toList();
    }

    /** The declared columns an update writes ({@code version} besides). */
    public List<String> updatedColumns() {
        return updatable.stream().map(Column::name).toList();
    }

    /**
     * The JPQL that loads the row with its child collection as one managed entity, in one statement, for a save
     * Hibernate writes.
     */
    String managedRowQuery() {
        return managedRow;
    }

    /** The {@code INSERT} of a new row. */
    public String insertSql() {
        return insert;
    }

    /** The versioned {@code UPDATE} of a changed row. */
    public String updateSql() {
        return update;
    }

    /** Keeps {@code row}, just read in the transaction of {@code statements}, as the state a later save uses. */
    void remember(PlainReads.Statements statements, E row) {
        statements
                .<Loaded<E>>rowsReadForChange(this, true)
                .put(row.getId(), new Loaded<>(row, updatableValues(row), children(row)));
    }

    /** The row of {@code id} this transaction read for change, or null (not read on the plain path, or forgotten). */
    Loaded<E> loaded(PlainReads.Statements statements, UUID id) {
        Map<UUID, Loaded<E>> rows = statements.rowsReadForChange(this, false);
        return rows == null ? null : rows.get(id);
    }

    /** Drops the row of {@code id}: Hibernate writes it from now on, or it failed to save. */
    void forget(PlainReads.Statements statements, UUID id) {
        Map<UUID, Loaded<E>> rows = statements.rowsReadForChange(this, false);
        if (rows != null) {
            rows.remove(id);
        }
    }

    /** The state a saved row now has in the database, for the next save in the same transaction. */
    void stored(Loaded<E> row) {
        row.values = updatableValues(row.row);
        row.children = children(row.row);
    }

    /** Whether a row read for change has other child rows than it was read with. */
    boolean childrenChanged(Loaded<E> row) {
        return !children(row.row).equals(row.children);
    }

    private List<Set<Object>> children(E row) {
        List<Set<Object>> sets = new ArrayList<>(children.size());
        for (Function<E, ? extends Collection<?>> child : children) {
            sets.add(new HashSet<>(child.apply(row)));
        }
        return sets;
    }

    /** Whether a new row comes with child rows (members, dependencies), which only Hibernate writes. */
    boolean hasChildren(E row) {
        for (Function<E, ? extends Collection<?>> child : children) {
            if (!child.apply(row).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The values an update would write, to tell later whether anything changed ({@link #sameValues}). */
    Object[] updatableValues(E row) {
        Object[] values = new Object[updatable.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = updatable.get(i).value().apply(row);
        }
        return values;
    }

    /**
     * Whether {@code row} still holds {@code before}: arrays by content, numbers by value ({@code 2.5} is
     * {@code 2.50}), as Hibernate's dirty check compares them.
     */
    boolean sameValues(Object[] before, E row) {
        for (int i = 0; i < before.length; i++) {
            Object now = updatable.get(i).value().apply(row);
            boolean same = before[i] instanceof BigDecimal a && now instanceof BigDecimal b
                    ? a.compareTo(b) == 0
                    : Objects.deepEquals(before[i], now);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Inserts {@code row} (at its own version, 0 for a new aggregate) in the transaction of {@code statements}. */
    void insert(PlainReads.Statements statements, E row) {
        statements.update(insert, statement -> {
            int index = bind(statement, columns, row);
            statement.setLong(index, row.getVersion());
            statement.setObject(index + 1, row.getId());
        });
    }

    /**
     * {@code UPDATE ... SET <updatable columns>, version = next WHERE id = ? AND version = expected}: the number of
     * rows updated, 0 when the row is gone or another transaction moved its version on.
     */
    int update(PlainReads.Statements statements, E row, long expectedVersion, long nextVersion) {
        return statements.update(update, statement -> {
            int index = bind(statement, updatable, row);
            statement.setLong(index, nextVersion);
            statement.setObject(index + 1, row.getId());
            statement.setLong(index + 2, expectedVersion);
        });
    }

    /** Binds the columns' values from parameter 1 on; returns the next parameter's index. */
    private static <E> int bind(PreparedStatement statement, List<Column<E>> columns, E row) throws SQLException {
        int index = 1;
        for (Column<E> column : columns) {
            column.binder().bind(statement, index++, column.value().apply(row));
        }
        return index;
    }

    /**
     * The columns in the order they are written (Hibernate's order is its attributes' names, alphabetically: keep
     * to it and the plain statements are the same SQL as Hibernate's, one plan cache entry in PostgreSQL for both).
     */
    public static final class Builder<E extends AggregateJpaColumns> {
        private final Class<E> type;
        private final String table;
        private final List<Column<E>> columns = new ArrayList<>();
        private final List<Function<E, ? extends Collection<?>>> children = new ArrayList<>();
        private String childAttribute;

        private Builder(Class<E> type, String table) {
            this.type = type;
            this.table = table;
        }

        public Builder<E> text(String column, Function<E, String> value) {
            return column(column, value, PreparedStatement::setString);
        }

        /** A {@code char(n)} column. */
        public Builder<E> fixedText(String column, Function<E, String> value) {
            return column(column, value, (statement, index, text) -> statement.setObject(index, text, Types.CHAR));
        }

        public Builder<E> uuid(String column, Function<E, UUID> value) {
            return column(column, value, (statement, index, id) -> statement.setObject(index, id, Types.OTHER));
        }

        public Builder<E> decimal(String column, Function<E, BigDecimal> value) {
            return column(column, value, PreparedStatement::setBigDecimal);
        }

        public Builder<E> int8(String column, Function<E, Long> value) {
            return column(column, value, PreparedStatement::setLong);
        }

        public Builder<E> int4(String column, Function<E, Integer> value) {
            return column(column, value, PreparedStatement::setInt);
        }

        public Builder<E> date(String column, Function<E, LocalDate> value) {
            return column(column, value, (statement, index, day) -> statement.setObject(index, day, Types.DATE));
        }

        /** A {@code timestamptz} column, bound as UTC. */
        public Builder<E> instant(String column, Function<E, Instant> value) {
            return column(column, value, PlainReads::setInstant);
        }

        /** An enum stored by its name. */
        public Builder<E> name(String column, Function<E, ? extends Enum<?>> value) {
            return column(
                    column,
                    value,
                    (statement, index, constant) ->
                            statement.setString(index, constant == null ? null : constant.name()));
        }

        /** A {@code text[]} column. */
        public Builder<E> textArray(String column, Function<E, String[]> value) {
            return column(column, value, (statement, index, texts) -> {
                if (texts == null) {
                    statement.setNull(index, Types.ARRAY);
                } else {
                    statement.setObject(index, new BinaryTextArray(texts)); // not createArrayOf: see there
                }
            });
        }

        /** Marks the columns declared so far under these names as written once, by the insert (updatable=false). */
        public Builder<E> insertOnly(String... names) {
            List<String> wanted = Arrays.asList(names);
            for (String name : wanted) {
                if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                    throw new IllegalArgumentException("no column " + name + " declared in " + table);
                }
            }
            columns.replaceAll(c ->
                    wanted.contains(c.name()) ? new Column<>(c.name(), false, c.value(), c.binder(), c.mark()) : c);
            return this;
        }

        /**
         * A child collection of the entity, its attribute {@code attribute}, stored in a table of its own by
         * Hibernate (at most one per table: Hibernate fetches one collection per statement).
         */
        public Builder<E> children(String attribute, Function<E, ? extends Collection<?>> collection) {
            if (!children.isEmpty()) {
                throw new IllegalArgumentException(table + " declares a child collection already");
            }
            childAttribute = attribute;
            children.add(collection);
            return this;
        }

        public AggregateTable<E> build() {
            return new AggregateTable<>(type, table, columns, children, childAttribute);
        }

        /** A {@code jsonb} object column ({@code @JdbcTypeCode(SqlTypes.JSON)}), its text as Hibernate writes it. */
        public Builder<E> json(String column, Function<E, Map<String, Object>> value) {
            return column(
                    column,
                    value,
                    (statement, index, object) ->
                            statement.setObject(index, object == null ? null : JsonColumns.text(object), Types.OTHER));
        }

        /** An {@code inet} column bound from its text, as a mapping with {@code write = "cast(? as inet)"} does. */
        public Builder<E> inet(String column, Function<E, String> value) {
            return column(column, value, PreparedStatement::setString, "cast(? as inet)");
        }

        private <V> Builder<E> column(String name, Function<E, V> value, Binder<? super V> binder) {
            return column(name, value, binder, "?");
        }

        @SuppressWarnings("unchecked")
        private <V> Builder<E> column(String name, Function<E, V> value, Binder<? super V> binder, String mark) {
            if (name.equals("version") || name.equals("id")) {
                throw new IllegalArgumentException(name + " is written by every statement: do not declare it");
            }
            if (columns.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("column " + name + " is declared twice in " + table);
            }
            columns.add(new Column<>(name, true, value, (Binder<Object>) binder, mark));
            return this;
        }
    }
}

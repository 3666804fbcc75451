package io.strata.adapters.persistence.shared;

import jakarta.persistence.Tuple;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.dialect.PostgreSQLArrayJdbcType;
import org.hibernate.dialect.PostgreSQLUUIDJdbcType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.MappingModelExpressible;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.spi.EntityInstantiator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.query.Query;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.sqm.internal.QuerySqmImpl;
import org.hibernate.query.sqm.internal.SqmUtil;
import org.hibernate.query.sqm.spi.SqmParameterMappingModelResolutionAccess;
import org.hibernate.query.sqm.sql.SqmTranslation;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlSelection;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.JdbcOperationQuerySelect;
import org.hibernate.sql.exec.spi.JdbcParameterBinder;
import org.hibernate.sql.exec.spi.JdbcParameterBinding;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.ArrayJavaType;
import org.hibernate.type.descriptor.java.BooleanJavaType;
import org.hibernate.type.descriptor.java.EnumJavaType;
import org.hibernate.type.descriptor.java.InstantJavaType;
import org.hibernate.type.descriptor.java.IntegerJavaType;
import org.hibernate.type.descriptor.java.LongJavaType;
import org.hibernate.type.descriptor.java.StringJavaType;
import org.hibernate.type.descriptor.java.UUIDJavaType;
import org.hibernate.type.descriptor.jdbc.AggregateJdbcType;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.BigIntJdbcType;
import org.hibernate.type.descriptor.jdbc.BooleanJdbcType;
import org.hibernate.type.descriptor.jdbc.CharJdbcType;
import org.hibernate.type.descriptor.jdbc.DateJdbcType;
import org.hibernate.type.descriptor.jdbc.DecimalJdbcType;
import org.hibernate.type.descriptor.jdbc.IntegerJdbcType;
import org.hibernate.type.descriptor.jdbc.JsonJdbcType;
import org.hibernate.type.descriptor.jdbc.NumericJdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;
import org.hibernate.type.descriptor.jdbc.UUIDJdbcType;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

/**
 * A list page's statement, translated by Hibernate once for its {@linkplain SearchParameters shape} and then run
 * plainly ({@link PlainReads#query}) with each call's values, its rows read straight into detached entities. A
 * page through Hibernate spends about as much CPU on its result processing (row readers, entity initialisers, the
 * persistence context's entries) as on reading the values themselves (the benchmark's profile of the users list), and a
 * read-only transaction uses none of it.
 *
 * <p>The SQL is the one Hibernate sends for the same query (the same translator, options and parameters), so the
 * statement, its plan and what it returns do not change; only who reads the rows. Only what can be read without
 * Hibernate's machinery is compiled ({@link #compile} answers null otherwise, and the page goes through Hibernate):
 * a single-table entity whose attributes are all basic columns (but for collections the caller reads apart, left
 * null: {@link CriteriaSearch.Builder#readApart}), selected with nothing else but its own columns, every
 * JDBC parameter one of the call's values (each checked against the value Hibernate bound for it) or the page's limit.
 * Values are read and converted by each attribute's own Hibernate type (its extractor and converter), as Hibernate
 * reads them; the plainest types (text, uuid, bigint, integer, boolean, timestamptz as Instant, enums by name, arrays)
 * with the JDBC getter their extractor calls and the conversion it applies, to the same value ({@link ColumnReader}).
 *
 * @param <E> the JPA entity
 */
final class PlainPageStatement<E> {
    private static final int LIMIT = -1;

    /** JDBC types whose binders need no session (they call the statement's setters; values unwrapped without one). */
    private static final Set<Class<?>> SESSIONLESS_BINDERS = Set.of(
            VarcharJdbcType.class,
            UUIDJdbcType.class,
            PostgreSQLUUIDJdbcType.class,
            BigIntJdbcType.class,
            IntegerJdbcType.class,
            BooleanJdbcType.class,
            TimestampUtcAsOffsetDateTimeJdbcType.class,
            CharJdbcType.class,
            DateJdbcType.class,
            DecimalJdbcType.class,
            NumericJdbcType.class);

    /**
     * JDBC types read through Hibernate's extractor whose extractor and Java type need no session either (a getter,
     * then the Java type's wrap: a fixed-length text, a date, a decimal).
     */
    private static final Set<Class<?>> SESSIONLESS_EXTRACTORS =
            Set.of(CharJdbcType.class, DateJdbcType.class, DecimalJdbcType.class, NumericJdbcType.class);

    private final String sql;
    /** Per JDBC parameter position: the index of the call's value, or {@link #LIMIT}. */
    private final int[] slots;
    /** Per JDBC parameter position: the mapping that binds it (null for the limit and offset). */
    private final JdbcMapping[] bindTypes;

    private final int valueCount;
    private final EntityPersister persister;
    /** Whether every value it binds and reads is converted without a session (a read without one may run it). */
    private final boolean sessionless;

    private final EntityInstantiator instantiator;
    private final PropertyAccess identifier;
    /** Per result column: the entity's state position of the attribute it reads, or -1 for the identifier. */
    private final int[] columns;

    private final JdbcMapping[] columnTypes;
    /** Per result column: how {@link #read} reads it. */
    private final ColumnReader[] readers;

    private final int attributeCount;

    /**
     * How a result column is read. A column whose Hibernate type is one of the plain pairs below (exact classes, no
     * converter) is read with the JDBC getter its extractor calls, to the same value: Hibernate's extractor around it
     * ({@code BasicExtractor}) asks its logger whether tracing is on for every value, and reaches the getter through
     * two megamorphic calls; ~2% of the CPU of a page of users in the benchmark's profile. Enums stored by name and
     * arrays take the getter and then the very conversion their extractor applies (the Java type's). Anything else
     * (JSON, numerics, converted columns) goes through Hibernate's extractor.
     */
    enum ColumnReader {
        THROUGH_HIBERNATE,
        /** {@code VarcharJdbcType} + {@code StringJavaType}: getString. */
        STRING,
        /** {@code UUIDJdbcType} (or PostgreSQL's, which only binds differently) + {@code UUIDJavaType}. */
        UUID_VALUE,
        /** {@code BigIntJdbcType} + {@code LongJavaType}: getLong, then wasNull. */
        LONG,
        /** {@code IntegerJdbcType} + {@code IntegerJavaType}: getInt, then wasNull. */
        INTEGER,
        /** {@code BooleanJdbcType} + {@code BooleanJavaType}: getBoolean, then wasNull. */
        BOOLEAN,
        /** {@code TimestampUtcAsOffsetDateTimeJdbcType} + {@code InstantJavaType}: an OffsetDateTime's instant. */
        INSTANT,
        /** {@code VarcharJdbcType} + {@code EnumJavaType} (an enum stored by name): getString, then its fromName. */
        ENUM_BY_NAME,
        /**
         * {@code ArrayJdbcType} (or PostgreSQL's, which only binds differently) + {@code ArrayJavaType}, of elements
         * that are not structs: getArray, then the array type's wrap.
         */
        ARRAY;

        static ColumnReader of(JdbcMapping type) {
            if (type.getValueConverter() != null) {
                return THROUGH_HIBERNATE;
            }
            Class<?> jdbc = type.getJdbcType().getClass();
            Class<?> java = type.getJavaTypeDescriptor().getClass();
            if (jdbc == VarcharJdbcType.class && java == StringJavaType.class) {
                return STRING;
            } else if ((jdbc == UUIDJdbcType.class || jdbc == PostgreSQLUUIDJdbcType.class)
                    && java == UUIDJavaType.class) {
                return UUID_VALUE;
            } else if (jdbc == BigIntJdbcType.class && java == LongJavaType.class) {
                return LONG;
            } else if (jdbc == IntegerJdbcType.class && java == IntegerJavaType.class) {
                return INTEGER;
            } else if (jdbc == BooleanJdbcType.class && java == BooleanJavaType.class) {
                return BOOLEAN;
            } else if (jdbc == TimestampUtcAsOffsetDateTimeJdbcType.class && java == InstantJavaType.class) {
                return INSTANT;
            } else if (jdbc == VarcharJdbcType.class && java == EnumJavaType.class) {
                return ENUM_BY_NAME;
            } else if ((jdbc == ArrayJdbcType.class || jdbc == PostgreSQLArrayJdbcType.class)
                    && java == ArrayJavaType.class
                    && !(((ArrayJdbcType) type.getJdbcType()).getElementJdbcType() instanceof AggregateJdbcType)) {
                return ARRAY;
            }
            return THROUGH_HIBERNATE;
        }
    }

    private PlainPageStatement(
            String sql,
            int[] slots,
            JdbcMapping[] bindTypes,
            int valueCount,
            EntityPersister persister,
            int[] columns,
            JdbcMapping[] columnTypes) {
        this.sql = sql;
        this.slots = slots;
        this.bindTypes = bindTypes;
        this.valueCount = valueCount;
        this.persister = persister;
        this.instantiator = persister.getRepresentationStrategy().getInstantiator();
        this.identifier = ((BasicEntityIdentifierMapping) persister.getIdentifierMapping()).getPropertyAccess();
        this.columns = columns;
        this.columnTypes = columnTypes;
        this.readers = new ColumnReader[columnTypes.length];
        for (int i = 0; i < columnTypes.length; i++) {
            readers[i] = ColumnReader.of(columnTypes[i]);
        }
        this.attributeCount = persister.getNumberOfAttributeMappings();
        boolean plainTypes = true;
        for (JdbcMapping type : bindTypes) {
            plainTypes &= type == null
                    || SESSIONLESS_BINDERS.contains(type.getJdbcType().getClass());
        }
        for (int i = 0; i < columnTypes.length; i++) {
            plainTypes &= readers[i] != ColumnReader.THROUGH_HIBERNATE
                    || columnTypes[i].getJdbcType() instanceof JsonJdbcType
                    || (columnTypes[i].getValueConverter() == null
                            && SESSIONLESS_EXTRACTORS.contains(
                                    columnTypes[i].getJdbcType().getClass()));
        }
        this.sessionless = plainTypes;
    }

    /**
     * Whether a transaction without a session may run it: every value is bound and read by a type that needs none
     * (the plain readers, JSON read through the session factory's format mapper, dates and decimals, and the
     * binders of the plain scalar types; not, for one, an array parameter, which its binder makes on the session's
     * connection).
     */
    boolean sessionless() {
        return sessionless;
    }

    /** The SQL this statement sends (Hibernate's translation of the shape's query). */
    String sql() {
        return sql;
    }

    /** The number of values a call binds (the shape's parameters). */
    int valueCount() {
        return valueCount;
    }

    /**
     * Translates {@code query} (a page of {@code entityClass} with this call's {@code values} bound as {@code p0},
     * {@code p1}, ..., and its limit set) as Hibernate would; null when the result cannot be read plainly. The
     * collections named in {@code readApart} are not read: the entities it makes leave them null.
     */
    static <E> PlainPageStatement<E> compile(
            SharedSessionContractImplementor session,
            Query<Tuple> query,
            Class<E> entityClass,
            List<Object> values,
            Set<String> readApart) {
        if (!(query instanceof QuerySqmImpl<Tuple> sqmQuery)
                || session.getLoadQueryInfluencers().hasEnabledFilters()
                || !sqmQuery.getQueryOptions().getLockOptions().isEmpty()
                || !(sqmQuery.getSqmStatement() instanceof SqmSelectStatement<?> sqm)) {
            return null;
        }
        SessionFactoryImplementor factory = session.getFactory();
        EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(entityClass);
        if (persister == null
                || persister.hasSubclasses()
                || persister.getSuperMappingType() != null
                || persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading()
                || factory.getEventEngine()
                        .getCallbackRegistry()
                        .hasRegisteredCallbacks(entityClass, CallbackType.POST_LOAD)) {
            // an entity Hibernate must load itself: an inheritance tree, a @PostLoad to call, or an enhanced class
            // (its instances are linked to the session that made them)
            return null;
        }
        Set<Integer> unread = new HashSet<>();
        Map<String, Integer> stateByColumn = basicColumns(persister, readApart, unread);
        if (stateByColumn == null) {
            return null;
        }

        // what ConcreteSqmSelectQueryPlan does to translate a query it has not seen (its first execution)
        SqmTranslation<SelectStatement> translation = factory.getQueryEngine()
                .getSqmTranslatorFactory()
                .createSelectTranslator(
                        sqm,
                        sqmQuery.getQueryOptions(),
                        sqmQuery.getDomainParameterXref(),
                        sqmQuery.getQueryParameterBindings(),
                        session.getLoadQueryInfluencers(),
                        factory,
                        true)
                .translate();
        Map<QueryParameterImplementor<?>, Map<SqmParameter<?>, List<JdbcParametersList>>> parametersXref =
                SqmUtil.generateJdbcParamsXref(sqmQuery.getDomainParameterXref(), translation::getJdbcParamsBySqmParam);
        Map<SqmParameter<?>, MappingModelExpressible<?>> resolved =
                translation.getSqmParameterMappingModelTypeResolutions();
        JdbcParameterBindings bindings = SqmUtil.createJdbcParameterBindings(
                sqmQuery.getQueryParameterBindings(),
                sqmQuery.getDomainParameterXref(),
                parametersXref,
                factory.getMappingMetamodel(),
                translation.getFromClauseAccess()::findTableGroup,
                new SqmParameterMappingModelResolutionAccess() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> MappingModelExpressible<T> getResolvedMappingModelType(SqmParameter<T> parameter) {
                        return (MappingModelExpressible<T>) resolved.get(parameter);
                    }
                },
                session);
        JdbcOperationQuerySelect select = factory.getJdbcServices()
                .getJdbcEnvironment()
                .getSqlAstTranslatorFactory()
                .buildSelectTranslator(factory, translation.getSqlAst())
                .translate(bindings, sqmQuery.getQueryOptions());
        if (select.dependsOnParameterBindings()) {
            return null; // values rendered into the SQL: it is not the same for every call
        }

        // which of the call's values each JDBC parameter takes
        Map<JdbcParameter, Integer> valueOf = new IdentityHashMap<>();
        for (var byQueryParameter : parametersXref.entrySet()) {
            Integer index = SearchParameters.indexOf(byQueryParameter.getKey().getName(), values.size());
            if (index == null) {
                return null;
            }
            for (List<JdbcParametersList> lists : byQueryParameter.getValue().values()) {
                if (lists == null) {
                    continue; // not in the statement (a JDBC parameter without a value is refused below)
                }
                for (JdbcParametersList list : lists) {
                    for (int i = 0; i < list.size(); i++) {
                        valueOf.put(list.get(i), index);
                    }
                }
            }
        }
        List<JdbcParameterBinder> binders = select.getParameterBinders();
        int[] slots = new int[binders.size()];
        JdbcMapping[] bindTypes = new JdbcMapping[binders.size()];
        for (int i = 0; i < binders.size(); i++) {
            JdbcParameterBinder binder = binders.get(i);
            if (binder == select.getLimitParameter()) {
                slots[i] = LIMIT;
            } else if (binder instanceof JdbcParameter parameter && valueOf.containsKey(parameter)) {
                JdbcParameterBinding binding = bindings.getBinding(parameter);
                int index = valueOf.get(parameter);
                // the value this statement will bind must be the one Hibernate bound: checked, not assumed
                if (binding == null
                        || !Objects.deepEquals(
                                binding.getBindValue(), relational(binding.getBindType(), values.get(index)))) {
                    return null;
                }
                slots[i] = index;
                bindTypes[i] = binding.getBindType();
            } else {
                return null;
            }
        }

        // which attribute each result column reads: only the entity's own columns may be selected
        List<SqlSelection> selections =
                translation.getSqlAst().getQuerySpec().getSelectClause().getSqlSelections();
        int[] columns = new int[selections.size()];
        JdbcMapping[] columnTypes = new JdbcMapping[selections.size()];
        boolean[] covered = new boolean[persister.getNumberOfAttributeMappings() + 1];
        for (int state : unread) {
            covered[state + 1] = true; // a collection the caller reads apart
        }
        for (SqlSelection selection : selections) {
            int position = selection.getJdbcResultSetIndex() - 1;
            if (position < 0
                    || position >= columns.length
                    || !(selection.getExpression() instanceof ColumnReference column)
                    || column.isColumnExpressionFormula()) {
                return null;
            }
            Integer state = stateByColumn.get(column.getColumnExpression());
            if (state == null) {
                return null;
            }
            columns[position] = state;
            columnTypes[position] = state < 0
                    ? persister.getIdentifierMapping().getSingleJdbcMapping()
                    : persister.getAttributeMapping(state).getSingleJdbcMapping();
            covered[state + 1] = true;
        }
        for (boolean column : covered) {
            if (!column) {
                return null; // an attribute the statement does not read (lazy)
            }
        }
        return new PlainPageStatement<>(
                select.getSqlString(), slots, bindTypes, values.size(), persister, columns, columnTypes);
    }

    /**
     * Runs the statement in {@code transaction} (a read-only session's, or a {@link JdbcTransaction}: nothing here
     * needs a session) with this call's values and limit (a keyset page: no offset).
     */
    List<E> run(PlainReads.ReadOnly transaction, List<Object> values, int maxRows) {
        if (values.size() != valueCount) {
            throw new IllegalArgumentException("expected " + valueCount + " values, got " + values.size());
        }
        WrapperOptions options = transaction.wrapperOptions();
        return transaction.query(
                sql, statement -> bind(statement, values, maxRows, options), rows -> read(rows, maxRows, options));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bind(PreparedStatement statement, List<Object> values, int maxRows, WrapperOptions options)
            throws SQLException {
        for (int i = 0; i < slots.length; i++) {
            int slot = slots[i];
            if (slot == LIMIT) {
                statement.setInt(i + 1, maxRows);
            } else {
                JdbcMapping type = bindTypes[i];
                type.getJdbcValueBinder().bind(statement, relational(type, values.get(slot)), i + 1, options);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<E> read(ResultSet rows, int maxRows, WrapperOptions options) throws SQLException {
        List<E> entities = new ArrayList<>(Math.min(maxRows, 256));
        while (rows.next()) {
            Object id = null;
            Object[] state = new Object[attributeCount];
            for (int i = 0; i < columns.length; i++) {
                Object value = value(rows, i, options);
                if (columns[i] < 0) {
                    id = value;
                } else {
                    state[columns[i]] = value;
                }
            }
            // what the persister's instantiate(id, session) does for an entity that is not enhanced
            Object entity = instantiator.instantiate(options.getSessionFactory());
            identifier.getSetter().set(entity, id);
            persister.setValues(entity, state);
            entities.add((E) entity);
        }
        return entities;
    }

    /** Result column {@code i}'s value in the current row, as Hibernate's extractor and converter give it. */
    private Object value(ResultSet rows, int i, WrapperOptions options) throws SQLException {
        int column = i + 1;
        switch (readers[i]) {
            case STRING:
                return rows.getString(column);
            case UUID_VALUE:
                return rows.getObject(column, UUID.class);
            case LONG: {
                long value = rows.getLong(column);
                return rows.wasNull() ? null : value;
            }
            case INTEGER: {
                int value = rows.getInt(column);
                return rows.wasNull() ? null : value;
            }
            case BOOLEAN: {
                boolean value = rows.getBoolean(column);
                return rows.wasNull() ? null : value;
            }
            case INSTANT:
                return PlainReads.instant(rows, column);
            case ENUM_BY_NAME:
                return ((EnumJavaType<?>) columnTypes[i].getJavaTypeDescriptor()).fromName(rows.getString(column));
            case ARRAY:
                return columnTypes[i].getJavaTypeDescriptor().wrap(rows.getArray(column), options);
            default: {
                JdbcMapping type = columnTypes[i];
                return type.convertToDomainValue(type.getJdbcValueExtractor().extract(rows, column, options));
            }
        }
    }

    /** The value as the JDBC binder takes it (after the attribute's converter, if it has one). */
    private static Object relational(JdbcMapping type, Object value) {
        return type.getValueConverter() == null ? value : type.convertToRelationalValue(value);
    }

    /**
     * Column name to state position (-1: the identifier) when every attribute of the entity is one basic column of
     * its one table, or a collection named in {@code readApart} (its position added to {@code unread}); null
     * otherwise.
     */
    private static Map<String, Integer> basicColumns(
            EntityPersister persister, Set<String> readApart, Set<Integer> unread) {
        Map<String, Integer> columns = new HashMap<>();
        if (!(persister.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id) || id.isFormula()) {
            return null;
        }
        String table = id.getContainingTableExpression();
        columns.put(id.getSelectionExpression(), -1);
        for (int i = 0; i < persister.getNumberOfAttributeMappings(); i++) {
            AttributeMapping attribute = persister.getAttributeMapping(i);
            if (attribute instanceof PluralAttributeMapping
                    && attribute.getStateArrayPosition() == i
                    && readApart.contains(attribute.getAttributeName())) {
                unread.add(i);
                continue;
            }
            BasicValuedModelPart basic = attribute.asBasicValuedModelPart();
            if (basic == null
                    || basic.isFormula()
                    || attribute.getStateArrayPosition() != i
                    || !table.equals(basic.getContainingTableExpression())
                    || columns.put(basic.getSelectionExpression(), i) != null) {
                return null;
            }
        }
        return columns;
    }

    /** The value of {@code attribute} (a sort key: the identifier or a basic attribute) of a row this statement read. */
    Object attribute(E entity, String attribute) {
        return attribute.equals(persister.getIdentifierPropertyName())
                ? identifier.getGetter().get(entity)
                : persister.getPropertyValue(entity, attribute);
    }
}

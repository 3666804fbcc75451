package io.strata.adapters.persistence.shared;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL operators that JPA Criteria cannot express, as HQL/Criteria functions. Hibernate finds
 * this contributor through {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 *
 * <ul>
 *   <li>{@value #TEXT_ARRAY_CONTAINS_ALL}{@code (array, values)} renders {@code array @> cast(? as text[])}.
 *       Hibernate's own {@code array_includes} binds a {@code String[]} as {@code varchar[]}, for
 *       which PostgreSQL has no {@code text[] @> varchar[]} operator; the cast fixes that and keeps
 *       the GIN index usable.</li>
 *   <li>{@value #JSONB_CONTAINS}{@code (json, text)} renders {@code json @> cast(? as jsonb)}, the
 *       containment test ({@code cs}) for JSON object columns.</li>
 * </ul>
 */
public class PostgresFunctions implements FunctionContributor {
    public static final String TEXT_ARRAY_CONTAINS_ALL = "text_array_contains_all";
    public static final String JSONB_CONTAINS = "jsonb_contains";

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        BasicType<Boolean> bool =
                contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        contributions
                .getFunctionRegistry()
                .patternDescriptorBuilder(TEXT_ARRAY_CONTAINS_ALL, "(?1 @> cast(?2 as text[]))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
        contributions
                .getFunctionRegistry()
                .patternDescriptorBuilder(JSONB_CONTAINS, "(?1 @> cast(?2 as jsonb))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
    }
}

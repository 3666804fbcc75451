package io.strata.domain.shared.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The allow-list of a searchable resource: fields, their types and operators, sort keys, default order. */
class QuerySchemaTest {
    enum Color {
        RED,
        GREEN
    }

    private final QuerySchema schema = QuerySchema.builder("things")
            .text("name", true)
            .enumeration("color", Color.class, false)
            .comparable("createdAt", FieldType.INSTANT, true)
            .textSet("tags")
            .defaultSort(SortOrder.desc("createdAt"))
            .build();

    @Test
    void listsWhatMayBeFilteredAndSorted() {
        assertThat(schema.resource()).isEqualTo("things");
        assertThat(schema.filterableFields()).containsExactly("color", "createdAt", "name", "tags");
        assertThat(schema.sortableFields()).containsExactly("createdAt", "name");
        assertThat(schema.defaultSort()).containsExactly(SortOrder.desc("createdAt"));
        assertThat(schema.field("password")).isNull();
    }

    @Test
    void eachKindOfFieldHasItsOperators() {
        assertThat(schema.field("name").operators())
                .contains(FilterOperator.LIKE, FilterOperator.ILIKE, FilterOperator.IS);
        assertThat(schema.field("createdAt").operators()).doesNotContain(FilterOperator.LIKE);
        assertThat(schema.field("color").operators())
                .isEqualTo(EnumSet.of(FilterOperator.EQ, FilterOperator.NEQ, FilterOperator.IN));
        assertThat(schema.field("color").enumType()).isEqualTo(Color.class);
        assertThat(schema.field("tags").operators()).containsExactly(FilterOperator.CS);
        assertThatThrownBy(() -> new QueryField("x", FieldType.ENUM, EnumSet.of(FilterOperator.EQ), false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

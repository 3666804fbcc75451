package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A COPY's column declaration: names in order, one value each, no column twice. (Rows: UserBulkInsertTest.) */
class CopyRowsColumnsTest {
    private record Item(String name, long count) {}

    @Test
    void keepsTheOrderOfDeclarationAndIsImmutable() {
        CopyRows.Columns<Item> name = CopyRows.<Item>columns().text("name", Item::name);
        CopyRows.Columns<Item> both = name.number("count", Item::count);
        assertThat(both.names()).containsExactly("name", "count");
        assertThat(name.names()).containsExactly("name");
    }

    @Test
    void refusesAColumnDeclaredTwice() {
        CopyRows.Columns<Item> name = CopyRows.<Item>columns().text("name", Item::name);
        assertThatThrownBy(() -> name.text("name", Item::name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }
}

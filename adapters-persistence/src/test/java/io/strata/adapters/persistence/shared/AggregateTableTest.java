package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link AggregateTable} renders its statements and tells a changed row from an unchanged one. */
class AggregateTableTest {
    /** A row with a number, a text array and a child collection, as an aggregate's entity has. */
    static final class Row extends AggregateJpaColumns {
        BigDecimal amount = new BigDecimal("2.5");
        String[] tags = {"a", "b"};
        String name = "n";
        List<String> children = new ArrayList<>();
    }

    private static final AggregateTable<Row> TABLE = AggregateTable.of(Row.class, "rows")
            .decimal("amount", r -> r.amount)
            .instant("created_at", Row::getCreatedAt)
            .text("name", r -> r.name)
            .textArray("tags", r -> r.tags)
            .insertOnly("created_at")
            .children("children", r -> r.children)
            .build();

    @Test
    void rendersTheInsertAndTheVersionedUpdateWithVersionAndIdLast() {
        assertThat(TABLE.insertSql())
                .isEqualTo("insert into rows (amount,created_at,name,tags,version,id) values (?,?,?,?,?,?)");
        assertThat(TABLE.updateSql())
                .isEqualTo("update rows set amount=?,name=?,tags=?,version=? where id=? and version=?");
        assertThat(TABLE.insertedColumns()).containsExactly("amount", "created_at", "name", "tags");
        assertThat(TABLE.updatedColumns()).containsExactly("amount", "name", "tags");
    }

    @Test
    void aColumnWrittenThroughACastHasItsCastInBothStatements() {
        AggregateTable<Row> table = AggregateTable.of(Row.class, "rows")
                .inet("address", r -> r.name)
                .json("document", r -> java.util.Map.of())
                .build();
        assertThat(table.insertSql())
                .isEqualTo("insert into rows (address,document,version,id) values (cast(? as inet),?,?,?)");
        assertThat(table.updateSql())
                .isEqualTo("update rows set address=cast(? as inet),document=?,version=? where id=? and version=?");
    }

    @Test
    void comparesNumbersByValueAndArraysByContent() {
        Row row = new Row();
        Object[] before = TABLE.updatableValues(row);
        row.amount = new BigDecimal("2.50");
        row.tags = new String[] {"a", "b"};
        assertThat(TABLE.sameValues(before, row)).isTrue();
        row.tags = new String[] {"a"};
        assertThat(TABLE.sameValues(before, row)).isFalse();
        row.tags = new String[] {"a", "b"};
        row.name = null;
        assertThat(TABLE.sameValues(before, row)).isFalse();
    }

    @Test
    void aTransactionKeepsTheRowsItReadForChangePerTable() {
        JdbcTransaction plain = new JdbcTransaction(null, false);
        JdbcTransaction other = new JdbcTransaction(null, false);
        Row row = new Row();
        row.setId(java.util.UUID.randomUUID());
        assertThat(TABLE.loaded(plain, row.getId())).isNull();
        assertThat(plain.rowsReadForChange(TABLE, false)).isNull(); // nothing made for a lookup

        TABLE.remember(plain, row);
        assertThat(TABLE.loaded(plain, row.getId()).row).isSameAs(row);
        assertThat(plain.rowsReadForChange(TABLE, false)).containsOnlyKeys(row.getId());
        assertThat(TABLE.loaded(other, row.getId())).isNull(); // per transaction
        AggregateTable<Row> otherTable = AggregateTable.of(Row.class, "other_rows")
                .text("name", r -> r.name)
                .build();
        assertThat(otherTable.loaded(plain, row.getId())).isNull(); // per table

        TABLE.remember(other, row);
        TABLE.forget(plain, row.getId());
        assertThat(TABLE.loaded(plain, row.getId())).isNull();
        assertThat(TABLE.loaded(other, row.getId()).row).isSameAs(row);
    }

    @Test
    void aNewRowWithChildrenIsLeftToHibernate() {
        Row row = new Row();
        assertThat(TABLE.hasChildren(row)).isFalse();
        row.children.add("child");
        assertThat(TABLE.hasChildren(row)).isTrue();
    }

    @Test
    void refusesADeclarationThatCannotBeRight() {
        assertThatThrownBy(() -> AggregateTable.of(Row.class, "rows")
                        .text("name", r -> r.name)
                        .text("name", r -> r.name))
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> AggregateTable.of(Row.class, "rows").int8("version", Row::getVersion))
                .hasMessageContaining("do not declare it");
        assertThatThrownBy(() -> AggregateTable.of(Row.class, "rows")
                        .text("name", r -> r.name)
                        .insertOnly("nme"))
                .hasMessageContaining("no column nme");
    }
}
